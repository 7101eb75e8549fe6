package io.ashspring.autoconfigure.schema;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import liquibase.GlobalConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that crashed while migrating leaves Liquibase's lock row set in {@code databasechangeloglock}; the next
 * start, in every mode that runs Liquibase, goes ahead at once: the lock is a PostgreSQL session advisory lock.
 * Liquibase may wait one minute for its lock here; a start held by the row would take that minute and then fail.
 */
class StartupLockTests {

    private static final String V1 = "io.ashspring.autoconfigure.fixtures.gadgets.v1";
    private static final String MASTER = "spring.liquibase.change-log=classpath:/db/verify/db.changelog-master.yaml";

    private TestDatabase database;
    private JdbcClient jdbc;
    private String waitTime;

    @BeforeEach
    void databaseLeftLockedByACrashedStart() {
        waitTime = System.setProperty(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), "1");
        database = TestDatabases.fresh();
        jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("CREATE TABLE databasechangeloglock (id integer PRIMARY KEY, locked boolean NOT NULL, "
                + "lockgranted timestamp, lockedby varchar(255))").update();
        jdbc.sql("INSERT INTO databasechangeloglock VALUES (1, true, now() - interval '1 hour', 'crashed-host (10.0.0.9)')")
                .update();
    }

    @AfterEach
    void restoreWaitTime() {
        if (waitTime == null) {
            System.clearProperty(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey());
        } else {
            System.setProperty(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), waitTime);
        }
    }

    private ApplicationContextRunner runner(String... properties) {
        return StartupRunners.on(database, V1).withPropertyValues(properties);
    }

    private void startsAtOnce(ApplicationContextRunner runner) {
        long started = System.nanoTime();
        runner.run(context -> assertThat(context).hasNotFailed());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(jdbc.sql("SELECT to_regclass('public.gadgets') IS NOT NULL").query(Boolean.class).single()).isTrue();
    }

    @Test
    void applyStartsAtOnceDespiteTheStaleLockRow() {
        startsAtOnce(runner("ash.migrations.mode=apply", MASTER));
    }

    @Test
    void verifyStartsAtOnceDespiteTheStaleLockRow() {
        startsAtOnce(runner("ash.migrations.mode=verify", MASTER));
    }

    @Test
    void generateStartsAtOnceDespiteTheStaleLockRow() {
        startsAtOnce(runner("ash.migrations.mode=generate", "spring.liquibase.enabled=false"));
    }
}
