package io.ashspring.runtime;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.action.ActionContext;
import io.ashspring.error.InvalidTenantException;
import io.ashspring.fixtures.tenancy.Invoice;
import io.ashspring.fixtures.tenancy.InvoiceLine;
import io.ashspring.fixtures.tenancy.Project;
import io.ashspring.fixtures.tenancy.Setting;
import io.ashspring.fixtures.tenancy.Task;
import io.ashspring.fixtures.tenancy.TenantSchemas;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.tenant.TenantScope;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant names that could reach SQL unsafely are refused before any statement runs. */
@PostgresTest
class HostileTenantNameTests {

    static TestDatabase db;
    static StatementCounter counter;
    static ResourceService<Project> projects;
    static ResourceService<Invoice> invoices;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = database;
        ResourceRegistry registry = ResourceRegistry.of(Project.class, Task.class, Setting.class, Invoice.class,
                InvoiceLine.class);
        MigrationGenerator.createSchema(database.dataSource(), registry);
        counter = new StatementCounter(database.dataSource());
        AshRuntime ash = AshRuntime.of(registry, counter.dataSource());
        projects = ash.service(Project.class);
        invoices = ash.service(Invoice.class);
    }

    static List<String> hostile() {
        return List.of("a\"b", "acme\"; DROP TABLE projects; --", "x;y", "pg_catalog", "PG_TOAST", "public",
                "information_schema", "a".repeat(64), "ténant", "租户", "", " ", "acme.projects", "a b", "a'b", "a\\b",
                "a\u0000b", "acme\n");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aHostileNameIsRefusedEverywhereAndNothingRuns(String name) {
        long schemas = schemas();
        counter.reset();

        assertThatThrownBy(() -> projects.forTenant(name)).isInstanceOf(InvalidTenantException.class);
        assertThatThrownBy(() -> invoices.forTenant(name)).isInstanceOf(InvalidTenantException.class);
        assertThatThrownBy(() -> ActionContext.none().withTenant(name)).isInstanceOf(InvalidTenantException.class);
        assertThatThrownBy(() -> TenantScope.run(name, () -> projects.readAll())).isInstanceOf(InvalidTenantException.class);

        assertThat(counter.count()).isZero();
        assertThat(schemas()).isEqualTo(schemas);
        assertThat(TenantScope.current()).isNull();
    }

    @Test
    void theLongestValidNameWorksEndToEnd() {
        String longest = "t".repeat(63);
        TenantSchemas.create(db.dataSource(), longest);

        projects.forTenant(longest).create(Map.of("name", "edge"));

        assertThat(projects.forTenant(longest).readAll()).hasSize(1);
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM \"" + longest + "\".projects")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theMessageShowsTheNameWithoutControlCharacters() {
        assertThatThrownBy(() -> projects.forTenant("bad\u0007name")).hasMessageContaining("\\u0007")
                .hasMessageContaining("ASCII letters");
    }

    private static long schemas() {
        return JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM pg_namespace").query(Long.class).single();
    }
}
