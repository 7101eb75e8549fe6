package io.ashspring.migrate.tenant;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.migrate.codegen.CodegenOptions;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TenantMigrator} on a real PostgreSQL: every tenant schema created and migrated with bounded parallelism,
 * a per-tenant report, a failing tenant that stops nobody and is retried, hostile names rejected before any SQL,
 * an idempotent re-run, Liquibase agreeing with the rows the fast path writes, and the per-tenant advisory lock.
 */
@PostgresTest
class TenantMigratorTests {

    static TestDatabase database;
    static JdbcClient jdbc;
    static TenantChangelog inMemory = TenantChangelog.of(TenantFixtures.REGISTRY);
    static int changeSets = inMemory.load().getChangeSets().size();

    @TempDir
    static Path project;
    static TenantChangelog files;

    @BeforeAll
    static void database(TestDatabase testDatabase) {
        database = testDatabase;
        jdbc = JdbcClient.create(database.dataSource());
        new MigrationGenerator(CodegenOptions.defaults().withChangelogDirectory(project.resolve("db/changelog")).withName("initial"))
                .forTenants().generate(TenantFixtures.REGISTRY);
        files = TenantChangelog.fromDirectory(project, "db/changelog/tenants/db.changelog-master.yaml");
    }

    @Test
    void everyTenantIsCreatedAndMigratedAndReportedInTheOrderGiven() {
        List<String> tenants = List.of("t1_a", "t1_b", "t1_c", "t1_d", "t1_e", "t1-f");

        TenantMigrationReport report = new TenantMigrator(database.dataSource(), inMemory).withParallelism(3).migrate(tenants);

        assertThat(report.succeeded()).as(report.summary()).isTrue();
        assertThat(report.results()).extracting(TenantResult::tenant).containsExactlyElementsOf(tenants);
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(TenantResult.Status.MIGRATED);
            assertThat(r.applied()).isEqualTo(changeSets);
            assertThat(r.liquibase()).isFalse();
        });
        for (String tenant : tenants) {
            assertThat(tables(tenant)).containsExactly("databasechangelog", "projects", "tasks");
            assertThat(rows(tenant)).isEqualTo(changeSets);
        }
        assertThat(report.summary()).contains("6 tenants", "6 migrated", "0 failed");
    }

    @Test
    void aSecondRunFindsEveryTenantUpToDateAndChangesNothing() {
        TenantMigrator migrator = new TenantMigrator(database.dataSource(), inMemory);
        migrator.migrate(List.of("t2_a", "t2_b"));
        jdbc.sql("INSERT INTO t2_a.projects (code) VALUES ('kept')").update();

        TenantMigrationReport again = migrator.migrate(List.of("t2_a", "t2_b"));

        assertThat(again.results()).extracting(TenantResult::status).containsOnly(TenantResult.Status.UP_TO_DATE);
        assertThat(rows("t2_a")).isEqualTo(changeSets);
        assertThat(jdbc.sql("SELECT code FROM t2_a.projects").query(String.class).list()).containsExactly("kept");
    }

    @Test
    void liquibaseReadsTheRowsTheFastPathWroteAsItsOwn() throws Exception {
        TenantResult result = new TenantMigrator(database.dataSource(), files).migrate("t3_a");
        assertThat(result.status()).as(result.toString()).isEqualTo(TenantResult.Status.MIGRATED);
        assertThat(result.liquibase()).isFalse();

        try (Connection connection = database.dataSource().getConnection()) {
            Liquibase liquibase = liquibaseOn(connection, "t3_a");
            assertThat(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())).isEmpty();
            liquibase.validate(); // checksums as Liquibase computes them with ${tenantSchema} = t3_a
            liquibase.update(new Contexts());
        }
        assertThat(rows("t3_a")).isEqualTo(result.applied());
    }

    @Test
    void aSchemaLiquibaseMigratedIsContinuedByTheFastPathAndADisagreeingOneGoesBackToLiquibase() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            jdbc.sql("CREATE SCHEMA t4_a").update();
            liquibaseOn(connection, "t4_a").update(new Contexts());
        }
        TenantMigrator migrator = new TenantMigrator(database.dataSource(), files);
        assertThat(migrator.migrate("t4_a")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(TenantResult.Status.UP_TO_DATE);
            assertThat(r.liquibase()).isFalse();
        });

        jdbc.sql("UPDATE t4_a.databasechangelog SET md5sum = NULL").update(); // as an older Liquibase leaves them
        TenantResult repaired = migrator.migrate("t4_a");

        assertThat(repaired.status()).as(repaired.toString()).isEqualTo(TenantResult.Status.UP_TO_DATE);
        assertThat(repaired.liquibase()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM t4_a.databasechangelog WHERE md5sum IS NULL").query(Integer.class).single())
                .isZero();
        assertThat(migrator.migrate("t4_a").liquibase()).isFalse();
    }

    @Test
    void aFailingTenantStopsNobodyKeepsNothingHalfDoneAndSucceedsWhenRetried() {
        jdbc.sql("CREATE SCHEMA t5_broken").update();
        jdbc.sql("CREATE TABLE t5_broken.tasks (unrelated int)").update(); // the tasks changeset fails there
        TenantMigrator migrator = new TenantMigrator(database.dataSource(), inMemory).withParallelism(2);

        TenantMigrationReport report = migrator.migrate(List.of("t5_a", "t5_broken", "t5_b"));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failedTenants()).containsExactly("t5_broken");
        assertThat(report.result("t5_broken").error()).contains("tasks", "already exists");
        assertThat(report.result("t5_a").status()).isEqualTo(TenantResult.Status.MIGRATED);
        assertThat(report.result("t5_b").status()).isEqualTo(TenantResult.Status.MIGRATED);
        assertThat(tables("t5_broken")).containsExactly("databasechangelog", "projects", "tasks");
        assertThat(rows("t5_broken")).isEqualTo(1); // projects ran; the failed changeset rolled back with its row
        assertThatThrownBy(report::throwIfFailed).hasMessageContaining("1 of 3 tenant schemas").hasMessageContaining("t5_broken");

        jdbc.sql("DROP TABLE t5_broken.tasks").update();
        TenantMigrationReport retried = migrator.retryFailed(report);

        assertThat(retried.succeeded()).as(retried.summary()).isTrue();
        assertThat(retried.result("t5_broken").applied()).isEqualTo(changeSets - 1);
        assertThat(retried.result("t5_a")).isSameAs(report.result("t5_a"));
    }

    @Test
    void hostileNamesFailBeforeAnySqlRunsAndTheOthersAreMigrated() {
        int schemas = schemaCount();
        List<String> hostile = List.of("x\"; DROP SCHEMA public CASCADE; --", "pg_catalog", "public", "a".repeat(64), "", "t6 a");

        TenantMigrationReport report = new TenantMigrator(database.dataSource(), inMemory)
                .migrate(java.util.stream.Stream.concat(hostile.stream(), java.util.stream.Stream.of("t6_ok")).toList());

        assertThat(report.failedTenants()).containsExactlyElementsOf(hostile);
        assertThat(report.failed()).allSatisfy(f -> assertThat(f.error()).startsWith("Invalid tenant"));
        assertThat(report.result("t6_ok").status()).isEqualTo(TenantResult.Status.MIGRATED);
        assertThat(schemaCount()).isEqualTo(schemas + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'public'").query(Integer.class).single()).isOne();
        assertThat(tables("public")).doesNotContain("projects");
    }

    @Test
    void withRetriesATenantWhoseFirstAttemptFailedIsTriedAgainInTheSameRun() {
        DataSource flaky = new FailingFirstConnections(database.dataSource(), 1);

        TenantResult result = new TenantMigrator(flaky, inMemory).withRetries(2).migrate("t7_a");

        assertThat(result.status()).isEqualTo(TenantResult.Status.MIGRATED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(new TenantMigrator(new FailingFirstConnections(database.dataSource(), 5), inMemory).withRetries(1)
                .migrate("t7_b")).satisfies(r -> {
                    assertThat(r.status()).isEqualTo(TenantResult.Status.FAILED);
                    assertThat(r.attempts()).isEqualTo(2);
                    assertThat(r.error()).contains("connection refused for the test");
                });
    }

    @Test
    void aTenantIsMigratedUnderItsOwnAdvisoryLock() throws Exception {
        try (Connection holder = database.dataSource().getConnection()) {
            try (var lock = holder.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, io.ashspring.sql.TenantMigrationSql.LOCK_CLASS);
                lock.setString(2, "t8_a");
                lock.execute();
            }
            CompletableFuture<TenantMigrationReport> running = CompletableFuture.supplyAsync(
                    () -> new TenantMigrator(database.dataSource(), inMemory).migrate(List.of("t8_a", "t8_b")));
            Thread.sleep(500);
            assertThat(running).isNotDone();
            assertThat(tables("t8_a")).isEmpty();
            holder.close(); // a session lock ends with its connection
            assertThat(running.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
        }
        assertThat(rows("t8_a")).isEqualTo(changeSets);
    }

    @Test
    void aParallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> new TenantMigrator(database.dataSource(), inMemory).withParallelism(0))
                .hasMessageContaining("at least 1").hasMessageContaining("ash.tenancy.migrations.parallelism");
    }

    private static Liquibase liquibaseOn(Connection connection, String schema) throws Exception {
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        db.setDefaultSchemaName(schema);
        db.setLiquibaseSchemaName(schema);
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        Liquibase liquibase = new Liquibase("db/changelog/tenants/db.changelog-master.yaml", new DirectoryResourceAccessor(project), db);
        liquibase.getChangeLogParameters().set("tenantSchema", schema);
        return liquibase;
    }

    private static List<String> tables(String schema) {
        return jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename").param(schema)
                .query(String.class).list();
    }

    private static int rows(String schema) {
        return jdbc.sql("SELECT count(*) FROM \"" + schema + "\".databasechangelog").query(Integer.class).single();
    }

    private static int schemaCount() {
        return jdbc.sql("SELECT count(*) FROM pg_namespace").query(Integer.class).single();
    }

    /** A real DataSource whose first connections are refused, as a database restarting would. */
    private static final class FailingFirstConnections implements DataSource {

        private final DataSource target;
        private final AtomicInteger failures;

        FailingFirstConnections(DataSource target, int failures) {
            this.target = target;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (failures.getAndDecrement() > 0) {
                throw new SQLException("connection refused for the test");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
