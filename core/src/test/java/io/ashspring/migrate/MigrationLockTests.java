package io.ashspring.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.blagerweij.sessionlock.PGLockService;

import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import liquibase.GlobalConfiguration;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase's lock is a PostgreSQL session advisory lock (liquibase-sessionlock), which the server releases
 * when the connection ends: a start that crashed mid-migration leaves nothing that blocks the next one, while
 * migrations running together still take turns.
 *
 * <p>Liquibase is given one minute to wait for the lock and polls every second: a migration blocked by a stale
 * lock row would fail after that minute, far past the few seconds asserted here.
 */
class MigrationLockTests {

    @Resource(table = "lockers")
    record Locker(@PrimaryKey Long id, String label) {
    }

    private final TestDatabase database = TestDatabases.fresh(); // one per test: each starts from an empty database
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private String waitTime;
    private String pollRate;

    @BeforeEach
    void shortLockTimes() {
        waitTime = System.setProperty(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), "1");
        pollRate = System.setProperty(GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), "1");
    }

    @AfterEach
    void restoreLockTimes() {
        restore(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), waitTime);
        restore(GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), pollRate);
        threads.shutdownNow();
    }

    @Test
    void liquibaseLocksWithASessionAdvisoryLock() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            Database liquibase = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            assertThat(LockServiceFactory.getInstance().getLockService(liquibase)).isInstanceOf(PGLockService.class);
        }
    }

    @Test
    void aLockRowLeftByACrashedStartDoesNotDelayTheNextMigration() {
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        // what a start killed mid-migration leaves with Liquibase's standard lock service
        jdbc.sql("CREATE TABLE databasechangeloglock (id integer PRIMARY KEY, locked boolean NOT NULL, "
                + "lockgranted timestamp, lockedby varchar(255))").update();
        jdbc.sql("INSERT INTO databasechangeloglock VALUES (1, true, now() - interval '1 hour', 'crashed-host (10.0.0.9)')")
                .update();

        long started = System.nanoTime();
        MigrationGenerator.createSchema(database.dataSource(), ResourceRegistry.of(Locker.class));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(jdbc.sql("SELECT count(*) FROM lockers").query(Long.class).single()).isZero();
    }

    @Test
    void migrationsRunningTogetherTakeTurnsAndTheSecondFindsNothingToDo() throws Exception {
        DatabaseChangeLog changelog = slowChangelog();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> LiquibaseMigrator.apply(database.dataSource(), changelog),
                threads);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> LiquibaseMigrator.apply(database.dataSource(), changelog),
                threads);

        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS); // without the lock, one of them fails: "relation slow_made already exists"

        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        assertThat(jdbc.sql("SELECT count(*) FROM slow_made").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMigrationWaitsForAnotherSessionsLockUntilThatConnectionDies() throws Exception {
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Connection holder = database.dataSource().getConnection();
        try {
            Database liquibase = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(holder));
            LockService lock = LockServiceFactory.getInstance().getLockService(liquibase);
            assertThat(lock.acquireLock()).isTrue(); // as a migration running in another instance holds it
            int holderPid = jdbc.sql("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted").query(Integer.class)
                    .single();

            CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                    () -> MigrationGenerator.createSchema(database.dataSource(), ResourceRegistry.of(Locker.class)), threads);
            Thread.sleep(3000);
            assertThat(waiting).isNotDone();
            assertThat(tables(jdbc)).doesNotContain("lockers");

            // the other instance dies: PostgreSQL ends its session and, with it, the lock
            jdbc.sql("SELECT pg_terminate_backend(?)").param(holderPid).query(Boolean.class).single();
            long released = System.nanoTime();
            waiting.get(30, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - released)).isLessThan(Duration.ofSeconds(10));
            assertThat(tables(jdbc)).contains("lockers");
        } finally {
            closeTerminated(holder);
        }
    }

    /** One changeset that creates a table and takes two seconds. */
    private static DatabaseChangeLog slowChangelog() {
        DatabaseChangeLog changelog = new DatabaseChangeLog("ash/lock-test");
        ChangeSet set = new ChangeSet("slow-1", "ash", false, false, "ash/lock-test", null, null, changelog);
        set.addChange(new RawSQLChange("CREATE TABLE slow_made (id integer)"));
        set.addChange(new RawSQLChange("INSERT INTO slow_made SELECT 1 FROM pg_sleep(2)"));
        changelog.addChangeSet(set);
        return changelog;
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").query(String.class).list();
    }

    private static void closeTerminated(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server ended this session already
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }
}
