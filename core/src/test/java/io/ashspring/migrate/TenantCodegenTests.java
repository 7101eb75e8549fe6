package io.ashspring.migrate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.tenant.TenantChangelog;
import io.ashspring.migrate.tenant.TenantFixtures;
import io.ashspring.migrate.tenant.TenantMigrationReport;
import io.ashspring.migrate.tenant.TenantMigrator;
import io.ashspring.migrate.tenant.TenantResult;
import io.ashspring.resource.Multitenancy;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ash:codegen} with tenants: the schema-per-tenant tables go to the {@code tenants/} tree (master, migrations,
 * state of its own) with the schema as the Liquibase parameter {@code ${tenantSchema}}, the global changelogs keep
 * the rest, and attribute-tenant identities lead with the tenant column. Both trees applied to PostgreSQL.
 */
class TenantCodegenTests extends CodegenTestBase {

    /** A new schema-per-tenant table. */
    @Resource(table = "labels")
    @Multitenancy(strategy = Multitenancy.Strategy.CONTEXT)
    record Label(@PrimaryKey UUID id, String name) {
    }

    @Test
    void schemaPerTenantTablesGoToTheTenantTreeWithTheSchemaAsAParameter() throws Exception {
        CodegenResult global = harness.generate("initial", o -> o, TenantFixtures.REGISTRY);
        CodegenResult tenants = harness.generator("initial").forTenants().generate(TenantFixtures.REGISTRY);

        assertThat(global.changelogText()).contains("tableName: organizations", "tableName: invoices")
                .doesNotContain("projects", "tasks", "${tenantSchema}");
        assertThat(tenants.changelogFile().toString()).contains("tenants/migrations/");
        assertThat(tenants.changelogText()).contains("schemaName: ${tenantSchema}", "\"${tenantSchema}\".\"projects\"",
                        "tableName: projects", "tableName: tasks", "referencedTableSchemaName: ${tenantSchema}")
                .doesNotContain(TableModel.TENANT_SCHEMA, "organizations", "invoices", "CREATE SCHEMA");
        assertThat(directory.resolve("tenants/db.changelog-master.yaml")).exists();
        assertThat(files(directory.resolve("tenants/ash-state"))).hasSize(1);
        assertThat(files(directory.resolve("ash-state"))).hasSize(1);
        assertThat(Files.readString(directory.resolve("db.changelog-master.yaml"), StandardCharsets.UTF_8))
                .doesNotContain("tenants");
    }

    @Test
    void eachTreeDiffsAgainstItsOwnStateSoAChangedTenantTableGoesOnlyToTheTenantTree() {
        harness.generate("initial", o -> o, TenantFixtures.REGISTRY);
        harness.generator("initial").forTenants().generate(TenantFixtures.REGISTRY);
        ResourceRegistry changed = ResourceRegistry.of(TenantFixtures.Organization.class, TenantFixtures.Project.class,
                TenantFixtures.Task.class, TenantFixtures.Invoice.class, Label.class);

        CodegenResult global = harness.generate("add_labels", o -> o, changed);
        CodegenResult tenants = harness.generator("add_labels").forTenants().generate(changed);

        assertThat(global.outcome()).isEqualTo(CodegenResult.Outcome.NO_CHANGES);
        assertThat(tenants.outcome()).isEqualTo(CodegenResult.Outcome.WRITTEN);
        assertThat(CodegenHarness.steps(tenants)).singleElement().asString().contains("labels");
        assertThat(harness.generator("again").forTenants().check(changed).hasChanges()).isFalse();
    }

    @Test
    void attributeTenantIdentitiesLeadWithTheTenantColumn() {
        TableModel model = TableModel.from(TenantFixtures.REGISTRY, List.of());

        assertThat(model.table(new QualifiedName("public", "invoices")).orElseThrow().indexes())
                .filteredOn(i -> i.unique()).singleElement()
                .satisfies(i -> assertThat(i.keys()).containsExactly(IndexKey.column("organization_id"), IndexKey.column("number")));
        assertThat(TableModel.forTenants(TenantFixtures.REGISTRY).tables()).extracting(t -> t.qualifiedName().toString())
                .containsExactly(TableModel.TENANT_SCHEMA + ".projects", TableModel.TENANT_SCHEMA + ".tasks");
    }

    @Test
    void bothTreesApplyTheTenantTreeOncePerTenantSchema() {
        harness.generate("initial", o -> o, TenantFixtures.REGISTRY);
        harness.generator("initial").forTenants().generate(TenantFixtures.REGISTRY);
        harness.apply();

        TenantMigrationReport report = new TenantMigrator(harness.database.dataSource(),
                TenantChangelog.fromDirectory(directory, "tenants/db.changelog-master.yaml")).migrate(List.of("acme", "globex"));

        assertThat(report.succeeded()).as(report.summary()).isTrue();
        assertThat(report.results()).extracting(TenantResult::status).containsOnly(TenantResult.Status.MIGRATED);
        for (String tenant : List.of("acme", "globex")) {
            assertThat(harness.jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tablename IN ('projects', 'tasks')")
                    .param(tenant).query(Integer.class).single()).isEqualTo(2);
            assertThat(harness.jdbc.sql("SELECT confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' "
                    + "AND conrelid = to_regclass(?)").param(tenant + ".tasks").query(String.class).single())
                    .isEqualTo(tenant + ".projects");
            assertThat(harness.jdbc.sql("SELECT count(*) FROM pg_views WHERE schemaname = ? AND viewname = 'open_projects'")
                    .param(tenant).query(Integer.class).single()).isEqualTo(1);
        }
        assertThat(harness.jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN "
                + "('projects', 'tasks', 'organizations', 'invoices')").query(Integer.class).single()).isEqualTo(2);
        assertThat(harness.jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'invoices_unique_number_index'")
                .query(String.class).single()).contains("(organization_id, number)");
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
