package io.ashspring.autoconfigure.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A real streaming standby built from an embedded server: it is in recovery, streams from the primary
 * (pg_stat_replication lists it), replays the primary's writes, refuses writes of its own, and leaves
 * nothing behind when closed.
 */
class EmbeddedStandbyTests {

    static EmbeddedPostgresServer primary;

    @BeforeAll
    static void start() {
        primary = EmbeddedPostgresServer.start(null, 0, Map.of());
    }

    @AfterAll
    static void stop() {
        primary.close();
    }

    static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USERNAME, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USERNAME, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aStandbyStreamsThePrimarysWritesAndRefusesItsOwn() throws Exception {
        execute(primary.getJdbcUrl(), "CREATE TABLE before_backup (n int); INSERT INTO before_backup VALUES (1)");
        Path data;
        try (EmbeddedStandby standby = EmbeddedStandby.start(primary, "replica-1")) {
            assertThat(standby.getPort()).isNotEqualTo(primary.getPort());
            assertThat(query(standby.getJdbcUrl(), "SELECT pg_is_in_recovery()")).isEqualTo("t");
            assertThat(query(primary.getJdbcUrl(), "SELECT pg_is_in_recovery()")).isEqualTo("f");
            assertThat(query(standby.getJdbcUrl(), "SELECT count(*) FROM before_backup")).isEqualTo("1");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(query(primary.getJdbcUrl(),
                    "SELECT state FROM pg_stat_replication WHERE application_name = 'replica-1'")).isEqualTo("streaming"));

            execute(primary.getJdbcUrl(), "CREATE TABLE after_backup (n int); INSERT INTO after_backup VALUES (2)");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(query(standby.getJdbcUrl(),
                    "SELECT sum(n) FROM after_backup")).isEqualTo("2"));

            assertThatThrownBy(() -> execute(standby.getJdbcUrl(), "INSERT INTO after_backup VALUES (3)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
            data = Path.of(query(standby.getJdbcUrl(), "SHOW data_directory"));
            assertThat(data).exists();
        }
        assertThat(Files.exists(data)).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            execute(primary.getJdbcUrl(), "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                    + "WHERE slot_name = 'ash_replica_1' AND NOT active");
            assertThat(query(primary.getJdbcUrl(), "SELECT count(*) FROM pg_replication_slots")).isEqualTo("0");
        });
    }

    @Test
    void aNameThatCannotNameASlotIsRefused() {
        assertThatThrownBy(() -> EmbeddedStandby.start(primary, "Replica 1; DROP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Replica 1; DROP'");
    }
}
