package io.ashspring.maven;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ashspring.maven.fixtures.Gadget;
import io.ashspring.maven.fixtures.Widget;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ash:rollback} on a project with two migrations ({@code create_widgets}, then {@code add_gadgets})
 * that an application ran from its class path, on a fresh database per test.
 */
class RollbackMojoTests {

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    @TempDir
    Path directory;

    private final TestDatabase database = TestDatabases.fresh();

    private TestProject project;

    @BeforeEach
    void twoMigrationsRunByTheApplication() throws Exception {
        project = new TestProject(directory).compiled(Widget.class);
        project.codegen("name", "create_widgets").execute();
        project.compiled(Gadget.class);
        project.codegen("name", "add_gadgets").execute();
        runAsTheApplication("db/changelog/db.changelog-master.yaml");
        assertThat(tables()).containsExactly("gadgets", "widgets");
    }

    @Test
    void stepOneRollsBackTheLastChangesetAndRemovesItFromDatabasechangelog() throws Exception {
        List<String> ran = ranIds();
        String last = ran.get(ran.size() - 1);
        assertThat(last).matches("\\d{14}_add_gadgets-1");

        rollback(1).execute();

        assertThat(tables()).containsExactly("widgets");
        assertThat(ranIds()).isEqualTo(ran.subList(0, ran.size() - 1));
        assertThat(project.log).contains("Rolled back 1 changeset in " + shownUrl() + ", newest first:")
                .anyMatch(line -> line.equals("  - " + last + ": create table public.gadgets (db/changelog/migrations/"
                        + last.substring(0, last.length() - 2) + ".yaml)"));
    }

    @Test
    void rollsBackSeveralChangesetsNewestFirst() throws Exception {
        int all = ranIds().size();

        rollback(all).execute();

        assertThat(tables()).isEmpty();
        assertThat(ranIds()).isEmpty();
        assertThat(project.log).contains("Rolled back " + all + " changesets in " + shownUrl() + ", newest first:");
    }

    @Test
    void withoutAUrlItRefusesNamingTheProperty() {
        assertThatThrownBy(() -> project.rollback("step", 1).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("ash:rollback needs the database to roll back in: -Dash.url=jdbc:postgresql://");
        assertThat(tables()).containsExactly("gadgets", "widgets");
    }

    @Test
    void withoutAStepItRefusesShowingTheCommand() {
        assertThatThrownBy(() -> project.rollback("url", database.jdbcUrl()).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("./mvnw ash:rollback -Dash.step=1 -Dash.url=");
    }

    @Test
    void refusesToRollBackMoreChangesetsThanTheDatabaseRan() throws Exception {
        int all = ranIds().size();

        assertThatThrownBy(() -> rollback(all + 1).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("has run " + all + " changesets: -Dash.step=" + (all + 1) + " asks to roll back more");
        assertThat(ranIds()).hasSize(all);
    }

    @Test
    void refusesWhenTheLastChangesetsAreNotInTheMasterChangelogInsteadOfRollingBackOlderOnes() throws Exception {
        runAsTheApplication("db/other.yaml", """
                databaseChangeLog:
                - changeSet:
                    id: elsewhere-1
                    author: someone
                    changes:
                    - sql:
                        sql: CREATE TABLE elsewhere (id int)
                """);
        List<String> ran = ranIds();

        assertThatThrownBy(() -> rollback(2).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dash.step=2 reaches changesets that db/changelog/db.changelog-master.yaml does not hold")
                .hasMessageContaining("  - elsewhere-1 of db/other.yaml\n")
                .hasMessageContaining("nothing was rolled back");
        assertThat(ranIds()).isEqualTo(ran);
        assertThat(tables()).containsExactly("elsewhere", "gadgets", "widgets");
    }

    @Test
    void namesChangesetsTheApplicationRanInGenerateModeAsSuch() throws Exception {
        runAsTheApplication("db/generated.yaml", """
                databaseChangeLog:
                - logicalFilePath: ash/generate
                - changeSet:
                    id: run1-1
                    author: ash
                    changes:
                    - sql:
                        sql: CREATE TABLE generated (id int)
                """);

        assertThatThrownBy(() -> rollback(1).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("  - run1-1 of ash/generate (run at the application's start in generate mode, "
                        + "which keeps no changelog file)");
        assertThat(tables()).contains("generated");
    }

    private RollbackMojo rollback(int step) {
        return project.rollback("step", step, "url", database.jdbcUrl(), "username", database.username(), "password",
                database.password());
    }

    /** The URL as the goal shows it: without the query, which may hold a password. */
    private String shownUrl() {
        String url = database.jdbcUrl();
        return url.contains("?") ? url.substring(0, url.indexOf('?')) + "?…" : url;
    }

    /**
     * Liquibase over the output directory, as the application runs spring.liquibase.change-log at startup: it
     * records the same class path relative paths (db/changelog/migrations/...) in databasechangelog.
     */
    private void runAsTheApplication(String changelog, String content) throws Exception {
        Files.writeString(project.classes.resolve(changelog), content);
        runAsTheApplication(changelog);
    }

    private void runAsTheApplication(String changelog) throws Exception {
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {project.classes.toUri().toURL()}, null);
                Connection connection = database.dataSource().getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(changelog, new ClassLoaderResourceAccessor(classPath), db).update(new Contexts());
        }
    }

    private List<String> tables() {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name NOT LIKE 'databasechangelog%' ORDER BY table_name");
    }

    private List<String> ranIds() {
        return strings("SELECT id FROM databasechangelog ORDER BY dateexecuted, orderexecuted");
    }

    private List<String> strings(String sql) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
