package io.ashspring.migrate.tenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.error.InvalidTenantException;
import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ManageTenant;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @ManageTenant}: creating a record creates and migrates its schema in the same transaction (both or
 * neither), renaming the templated attribute renames the schema, destroying leaves it.
 */
@PostgresTest
class ManageTenantTests {

    @Resource(table = "organizations")
    @ManageTenant(template = "org_{slug}")
    record Organization(@PrimaryKey UUID id, String slug, String name) {
    }

    @Resource(table = "bad_templates")
    @ManageTenant(template = "org_{handle}")
    record BadTemplate(@PrimaryKey UUID id, String slug) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Organization.class, TenantFixtures.Project.class,
            TenantFixtures.Task.class);

    static DataSource dataSource;
    static JdbcClient jdbc;
    static AshRuntime runtime;
    static ResourceService<Organization> organizations;
    static ManagedTenants hook;

    @BeforeAll
    static void runtime(TestDatabase testDatabase) {
        dataSource = testDatabase.dataSource(); // one instance: the transactions are bound to it
        jdbc = JdbcClient.create(dataSource);
        MigrationGenerator.createSchema(dataSource, REGISTRY); // the global table: organizations
        runtime = AshRuntime.of(REGISTRY, dataSource);
        hook = ManagedTenants.register(runtime, dataSource,
                new TenantMigrator(dataSource, TenantChangelog.of(REGISTRY)));
        organizations = runtime.service(Organization.class);
    }

    @Test
    void creatingARecordCreatesAndMigratesItsTenantSchema() {
        organizations.create(Map.of("slug", "acme", "name", "Acme"));

        assertThat(tables("org_acme")).containsExactly("databasechangelog", "projects", "tasks");
        assertThat(jdbc.sql("SELECT count(*) FROM org_acme.databasechangelog").query(Integer.class).single())
                .isEqualTo(TenantChangelog.of(REGISTRY).load().getChangeSets().size());
        assertThat(tables("public")).contains("organizations").doesNotContain("projects", "tasks");
    }

    @Test
    void aRolledBackCreationLeavesNeitherTheRecordNorTheSchema() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            organizations.create(Map.of("slug", "rolled", "name", "Rolled"));
            assertThat(tables("org_rolled")).contains("projects"); // inside the transaction (jdbc joins it)
            throw new IllegalStateException("the caller changes its mind");
        })).hasMessage("the caller changes its mind");

        assertThat(schemaExists("org_rolled")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE slug = 'rolled'").query(Integer.class).single()).isZero();
    }

    @Test
    void aSchemaThatCannotBeMigratedFailsTheCreation() {
        jdbc.sql("CREATE SCHEMA org_clash").update();
        jdbc.sql("CREATE TABLE org_clash.tasks (unrelated int)").update();

        assertThatThrownBy(() -> organizations.create(Map.of("slug", "clash", "name", "Clash")))
                .isInstanceOf(MigrationException.class).hasMessageContaining("tasks").hasMessageContaining("already exists");

        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE slug = 'clash'").query(Integer.class).single()).isZero();
        assertThat(tables("org_clash")).containsExactly("tasks"); // projects and the tracking table rolled back
    }

    @Test
    void aHostileSlugIsRefusedBeforeAnySchemaIsMade() {
        int schemas = jdbc.sql("SELECT count(*) FROM pg_namespace").query(Integer.class).single();

        assertThatThrownBy(() -> organizations.create(Map.of("slug", "x\"; DROP SCHEMA public CASCADE; --", "name", "Evil")))
                .isInstanceOf(InvalidTenantException.class).hasMessageContaining("Invalid tenant");

        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace").query(Integer.class).single()).isEqualTo(schemas);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE name = 'Evil'").query(Integer.class).single()).isZero();
    }

    @Test
    void renamingTheTemplatedAttributeRenamesTheSchemaWithItsData() {
        Organization globex = organizations.create(Map.of("slug", "globex", "name", "Globex"));
        jdbc.sql("INSERT INTO org_globex.projects (code) VALUES ('moved')").update();

        organizations.update(globex.id(), Map.of("name", "Globex Corporation"));
        assertThat(schemaExists("org_globex")).isTrue();

        organizations.update(globex.id(), Map.of("slug", "globex2"));

        assertThat(schemaExists("org_globex")).isFalse();
        assertThat(jdbc.sql("SELECT code FROM org_globex2.projects").query(String.class).list()).containsExactly("moved");
    }

    @Test
    void destroyingARecordLeavesItsSchema() {
        Organization initech = organizations.create(Map.of("slug", "initech", "name", "Initech"));

        organizations.destroy(initech.id());

        assertThat(tables("org_initech")).contains("projects", "tasks");
    }

    @Test
    void theTenantsAreTheSchemasTheRecordsName() {
        organizations.create(Map.of("slug", "listed", "name", "Listed"));

        assertThat(hook.tenants(runtime)).contains("org_listed").allMatch(t -> t.startsWith("org_"));
    }

    @Test
    void aTemplateNamingNoAttributeIsRefusedWithTheFix() {
        assertThatThrownBy(() -> new ManagedTenants(dataSource, new TenantMigrator(dataSource,
                TenantChangelog.of(REGISTRY)), ResourceRegistry.of(BadTemplate.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BadTemplate").hasMessageContaining("org_{handle}").hasMessageContaining("Fix:");
    }

    private static List<String> tables(String schema) {
        return jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename").param(schema)
                .query(String.class).list();
    }

    private static boolean schemaExists(String schema) {
        return jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = ?").param(schema).query(Integer.class).single() == 1;
    }
}
