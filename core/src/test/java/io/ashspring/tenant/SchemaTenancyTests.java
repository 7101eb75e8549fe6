package io.ashspring.tenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.NotFoundException;
import io.ashspring.error.TenantRequiredException;
import io.ashspring.expr.Expressions;
import io.ashspring.fixtures.tenancy.Project;
import io.ashspring.fixtures.tenancy.Setting;
import io.ashspring.fixtures.tenancy.Task;
import io.ashspring.fixtures.tenancy.TenantSchemas;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.Upsert;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.BulkOptions;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema-per-tenant: every operation reads and writes the tenant's own schema, and only it. */
@PostgresTest
class SchemaTenancyTests {

    static TestDatabase db;
    static ResourceService<Project> projects;
    static ResourceService<Task> tasks;
    static ResourceService<Setting> settings;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = database;
        ResourceRegistry registry = ResourceRegistry.of(Project.class, Task.class, Setting.class);
        MigrationGenerator.createSchema(database.dataSource(), registry);
        AshRuntime ash = AshRuntime.of(registry, database.dataSource());
        projects = ash.service(Project.class);
        tasks = ash.service(Task.class);
        settings = ash.service(Setting.class);
    }

    @BeforeEach
    void emptyTenants() {
        TenantSchemas.create(db.dataSource(), "acme");
        TenantSchemas.create(db.dataSource(), "globex");
    }

    private static boolean tableIn(String schema, String table) {
        return JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tablename = ?")
                .params(schema, table).query(Long.class).single() > 0;
    }

    private static long rowsIn(String schema, String table) {
        return JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM \"" + schema + "\".\"" + table + "\"")
                .query(Long.class).single();
    }

    @Test
    void aRecordIsWrittenToTheTenantsSchemaAndReadOnlyThere() {
        Project made = projects.forTenant("acme").create(Map.of("name", "Rocket"));

        assertThat(rowsIn("acme", "projects")).isEqualTo(1);
        assertThat(rowsIn("globex", "projects")).isZero();
        assertThat(tableIn("public", "projects")).isFalse(); // tenant tables exist only in tenant schemas
        assertThat(projects.forTenant("acme").readAll()).extracting(Project::name).containsExactly("Rocket");
        assertThat(projects.forTenant("globex").readAll()).isEmpty();
        assertThat(projects.forTenant("globex").find(made.id())).isEmpty();
        assertThat(projects.forTenant("acme").get(made.id()).name()).isEqualTo("Rocket");
        assertThat(projects.forTenant("globex").count(Query.all())).isZero();
    }

    @Test
    void updatesAndDestroysNeverReachAnotherTenantsRecord() {
        Project made = projects.forTenant("acme").create(Map.of("name", "Rocket"));

        assertThatThrownBy(() -> projects.forTenant("globex").update(made.id(), Map.of("name", "Stolen")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projects.forTenant("globex").destroy(made.id())).isInstanceOf(NotFoundException.class);
        assertThat(projects.forTenant("acme").get(made.id()).name()).isEqualTo("Rocket");

        assertThat(projects.forTenant("acme").update(made.id(), Map.of("name", "Moon")).name()).isEqualTo("Moon");
        projects.forTenant("acme").destroy(made.id());
        assertThat(rowsIn("acme", "projects")).isZero();
    }

    @Test
    void loadsAggregatesAndExistsStayInTheTenantsSchema() {
        Project acme = projects.forTenant("acme").create(Map.of("name", "Rocket"));
        tasks.forTenant("acme").create(Map.of("title", "Fuel", "project", acme.id(), "done", true));
        tasks.forTenant("acme").create(Map.of("title", "Launch", "project", acme.id()));
        // the same project key in another tenant, with a task of its own: never mixed in
        JdbcClient.create(db.dataSource()).sql("INSERT INTO \"globex\".\"projects\" (id, name) VALUES (?, 'Copy')")
                .param(acme.id()).update();
        tasks.forTenant("globex").create(Map.of("title", "Foreign", "project", acme.id(), "done", true));

        Project loaded = projects.forTenant("acme").get(acme.id(), Query.all().load("tasks", "taskCount", "doneCount"));
        assertThat(loaded.tasks()).extracting(Task::title).containsExactlyInAnyOrder("Fuel", "Launch");
        assertThat(loaded.taskCount()).isEqualTo(2);
        assertThat(loaded.doneCount()).isEqualTo(1);
        assertThat(projects.forTenant("acme").read(Query.all().filter(Expressions.parse("exists(tasks, title == 'Foreign')"))))
                .isEmpty();
        assertThat(projects.forTenant("globex").read(Query.all().filter(Expressions.parse("exists(tasks, title == 'Foreign')"))))
                .extracting(Project::name).containsExactly("Copy");
        Task task = tasks.forTenant("acme").read(Query.all().filter(Expressions.parse("project.name == 'Rocket'"))
                .load("project")).get(0);
        assertThat(task.project().get().name()).isEqualTo("Rocket");
    }

    @Test
    void pagesWindowsAndStreamsReadTheTenantsSchema() {
        for (int i = 0; i < 7; i++) {
            projects.forTenant("acme").create(Map.of("name", "a" + i));
            projects.forTenant("globex").create(Map.of("name", "g" + i));
        }
        ResourceService<Project> acme = projects.forTenant("acme");

        assertThat(acme.page(Query.all().sort("name"), PageRequest.of(1, 3)).getContent()).extracting(Project::name)
                .containsExactly("a3", "a4", "a5");
        assertThat(acme.page(Query.all(), PageRequest.of(0, 3)).getTotalElements()).isEqualTo(7);
        Window<Project> first = acme.scroll(Query.all().sort("name").limit(4), ScrollPosition.keyset());
        Window<Project> second = acme.scroll(Query.all().sort("name").limit(4), first.positionAt(first.size() - 1));
        assertThat(second.getContent()).extracting(Project::name).containsExactly("a4", "a5", "a6");
        try (Stream<Project> all = acme.stream(Query.all().sort("name"), 2)) {
            assertThat(all.map(Project::name)).containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6");
        }
    }

    @Test
    void upsertsAndBulkWritesStayInTheTenantsSchema() {
        ResourceService<Project> acme = projects.forTenant("acme");
        Project made = acme.create(Map.of("name", "Rocket"));
        assertThat(acme.upsert(Map.of("name", "Rocket"), Upsert.on("unique_name")).record().id()).isEqualTo(made.id());
        assertThat(projects.forTenant("globex").upsert(Map.of("name", "Rocket"), Upsert.on("unique_name"))
                .created()).isTrue();

        acme.createAll(List.of(Map.of("name", "b1"), Map.of("name", "b2")));
        assertThat(rowsIn("acme", "projects")).isEqualTo(3);
        assertThat(acme.updateAll(Query.all().filter(Expressions.parse("name in ['b1', 'x']")), Map.of("name", "bulk"),
                BulkOptions.defaults()).count()).isEqualTo(1);
        assertThat(projects.forTenant("globex").destroyAll(Query.all()).count()).isEqualTo(1);
        assertThat(rowsIn("acme", "projects")).isEqualTo(3);
        assertThat(acme.read(Query.all().filter(Expressions.eq("name", "bulk")))).hasSize(1);
    }

    @Test
    void aCallWithoutTenantIsRefusedNamingTheResourceAndTheFix() {
        assertThatThrownBy(() -> projects.readAll()).isInstanceOf(TenantRequiredException.class)
                .hasMessageContaining("Project").hasMessageContaining("forTenant(").hasMessageContaining("X-Tenant");
        assertThatThrownBy(() -> projects.create(Map.of("name", "Nowhere"))).isInstanceOf(TenantRequiredException.class);
        assertThatThrownBy(() -> projects.get(UUID.randomUUID())).isInstanceOf(TenantRequiredException.class);
        // a plain bulk create takes the fast path (PlainCreates), which must refuse it too
        assertThatThrownBy(() -> projects.createAll(List.of(Map.of("name", "Nowhere"))))
                .isInstanceOf(TenantRequiredException.class);
        assertThat(tableIn("public", "projects")).isFalse(); // tenant tables exist only in tenant schemas
    }

    @Test
    void aGlobalResourceWithoutTenantUsesItsOwnSchema() {
        settings.create(Map.of("name", "shared"));
        settings.forTenant("acme").create(Map.of("name", "mine"));

        assertThat(rowsIn("public", "settings")).isEqualTo(1);
        assertThat(settings.readAll()).extracting(Setting::name).containsExactly("shared");
        assertThat(settings.forTenant("acme").readAll()).extracting(Setting::name).containsExactly("mine");
        assertThat(settings.forTenant("globex").readAll()).isEmpty();
    }

    @Test
    void theTenantScopeAppliesWhereNoServiceTenantIsGivenAndTheServiceTenantWins() {
        TenantScope.run("acme", () -> projects.create(Map.of("name", "Scoped")));

        assertThat(rowsIn("acme", "projects")).isEqualTo(1);
        assertThat(TenantScope.call("globex", () -> projects.readAll())).isEmpty();
        assertThat(TenantScope.call("globex", () -> projects.forTenant("acme").readAll())).hasSize(1);
        assertThat(TenantScope.current()).isNull();
        assertThatThrownBy(() -> TenantScope.run("acme", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(TenantScope.current()).isNull();
    }
}
