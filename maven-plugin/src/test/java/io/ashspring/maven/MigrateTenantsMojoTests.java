package io.ashspring.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.maven.fixtures.Account;
import io.ashspring.maven.fixtures.Note;
import io.ashspring.maven.fixtures.Widget;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ash:codegen} writing the tenant tree, and {@code ash:migrate-tenants} running it in every tenant schema of a
 * real database: the tenants given or those the {@code @ManageTenant} records name, a report per tenant, a failing
 * tenant failing the goal after the others are migrated.
 */
class MigrateTenantsMojoTests {

    @TempDir
    Path directory;

    private final TestDatabase database = TestDatabases.fresh();
    private final JdbcClient jdbc = JdbcClient.create(database.dataSource());
    private TestProject project;

    @BeforeEach
    void generated() throws Exception {
        project = new TestProject(directory).compiled(Widget.class, Note.class, Account.class);
        project.codegen("name", "initial").execute();
        // the global tables, as the application's start would make them
        MigrationGenerator.createSchema(database.dataSource(), ResourceRegistry.of(Widget.class, Note.class, Account.class));
    }

    private MigrateTenantsMojo migrateTenants(Object... parameters) {
        Object[] all = new Object[parameters.length + 6];
        System.arraycopy(new Object[] {"url", database.jdbcUrl(), "username", database.username(), "password",
                database.password()}, 0, all, 0, 6);
        System.arraycopy(parameters, 0, all, 6, parameters.length);
        return project.migrateTenants(all);
    }

    private List<String> tables(String schema) {
        return jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename").param(schema)
                .query(String.class).list();
    }

    @Test
    void codegenWritesTheTenantTreeBesideTheGlobalOne() {
        assertThat(project.changelogs.resolve("tenants/db.changelog-master.yaml")).exists();
        assertThat(project.classes.resolve("db/changelog/tenants/db.changelog-master.yaml")).exists();
        assertThat(project.log).contains("Tenant schemas (tenants/):");
        assertThat(tables("public")).contains("widgets", "accounts").doesNotContain("notes");
    }

    @Test
    void migratesTheTenantsGivenRecordingTheApplicationsPathsAndIsIdempotent() throws Exception {
        migrateTenants("tenants", List.of("acme", "globex")).execute();

        assertThat(tables("acme")).containsExactly("databasechangelog", "notes");
        assertThat(tables("globex")).containsExactly("databasechangelog", "notes");
        assertThat(jdbc.sql("SELECT filename FROM acme.databasechangelog").query(String.class).list())
                .allMatch(f -> f.matches("db/changelog/tenants/migrations/\\d{14}_initial\\.yaml"));
        assertThat(project.log).anyMatch(l -> l.contains("acme: 1 changeset applied"))
                .anyMatch(l -> l.startsWith("Tenant schemas migrated in") && l.contains("2 migrated"));

        project.log.clear();
        migrateTenants("tenants", List.of("acme", "globex")).execute();
        assertThat(project.log).anyMatch(l -> l.contains("2 up to date"));
    }

    @Test
    void withoutTenantsGivenTheManageTenantRecordsNameThem() throws Exception {
        jdbc.sql("INSERT INTO accounts (slug) VALUES ('one'), ('two')").update();

        migrateTenants().execute();

        assertThat(tables("acct_one")).contains("notes");
        assertThat(tables("acct_two")).contains("notes");
    }

    @Test
    void aFailingTenantFailsTheGoalNamingItAfterTheOthersAreMigrated() {
        jdbc.sql("CREATE SCHEMA broken").update();
        jdbc.sql("CREATE TABLE broken.notes (unrelated int)").update();

        assertThatThrownBy(() -> migrateTenants("tenants", List.of("acme", "broken", "bad name")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("2 failed")
                .hasMessageContaining("broken: ")
                .hasMessageContaining("Invalid tenant 'bad name'")
                .hasMessageContaining("-Dash.tenants=broken,bad name again");
        assertThat(tables("acme")).contains("notes");
    }

    @Test
    void withoutADatabaseTheGoalSaysHowToGiveOne() {
        assertThatThrownBy(() -> project.migrateTenants("tenants", List.of("acme")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("ash:migrate-tenants needs the database: -Dash.url=jdbc:postgresql://");
    }
}
