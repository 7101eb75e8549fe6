package io.ashspring.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.function.Executable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.ashspring.error.UnavailableException;
import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Ticket;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A database that cannot be reached: reads, counts, writes and actions fail within the pool's
 * connection timeout with an {@link UnavailableException} of {@code DATABASE_UNREACHABLE} whose
 * message names the resource and not the server.
 */
class ConnectionFailureTests {

    /** The pool's wait for a connection; a call must fail within a few of these, never after 30 s. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aDatabaseThatGoesAwayMakesReadsWritesAndActionsUnavailableQuickly() throws SQLException {
        TestDatabase database = TestDatabases.fresh();
        MigrationGenerator.createSchema(database.dataSource(), Helpdesk.registry());
        try (HikariDataSource pool = pool(database.jdbcUrl(), database.username(), database.password())) {
            ResourceService<Ticket> tickets = runtime(pool).service(Ticket.class);
            Ticket ticket = tickets.create(Map.of("subject", "before the outage"));
            assertThat(tickets.read(Query.all())).hasSize(1);

            cutOff(database);

            assertUnreachable(() -> tickets.read(Query.all()), "");
            assertUnreachable(() -> tickets.count(Query.all()), "");
            assertUnreachable(() -> tickets.find(ticket.id()), "");
            assertUnreachable(() -> tickets.create(Map.of("subject", "during the outage")), "");
            assertUnreachable(() -> tickets.update(ticket.id(), Map.of("priority", 2)), "");
            assertUnreachable(() -> tickets.run("destroy", Map.of("id", ticket.id().toString())), "");
        }
    }

    @Test
    void aServerThatIsNotListeningIsUnavailableAndTheMessageDoesNotNameIt() throws IOException {
        int port = closedPort();
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + port + "/ash", "someone", "s3cret")) {
            ResourceService<Ticket> tickets = runtime(pool).service(Ticket.class);

            assertUnreachable(() -> tickets.read(Query.all()), String.valueOf(port));
            assertUnreachable(() -> tickets.find(UUID.randomUUID()), String.valueOf(port));
            assertUnreachable(() -> tickets.create(Map.of("subject", "nowhere to go")), String.valueOf(port));
        }
    }

    private static HikariDataSource pool(String url, String username, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setConnectionTimeout(TIMEOUT.toMillis());
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static AshRuntime runtime(HikariDataSource pool) {
        return new AshRuntime(Helpdesk.registry(), JdbcClient.create(pool), new DataSourceTransactionManager(pool));
    }

    /** Refuses new connections to the database and ends those open (the pool's among them), as an outage does. */
    private static void cutOff(TestDatabase database) throws SQLException {
        // from the server's maintenance database: PostgreSQL refuses to disallow connections to the current one
        PGSimpleDataSource maintenance = database.dataSource();
        maintenance.setDatabaseName("postgres");
        try (Connection admin = maintenance.getConnection();
             PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE datname = ?")) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE \"" + database.databaseName() + "\" ALLOW_CONNECTIONS false");
            }
            terminate.setString(1, database.databaseName());
            terminate.execute();
        }
    }

    /**
     * The call fails with {@code DATABASE_UNREACHABLE} within a few connection timeouts.
     *
     * @param secret text of the cause that the message must not repeat ({@code ""}: none)
     */
    private static void assertUnreachable(Executable call, String secret) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(call::execute);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(thrown).isInstanceOf(UnavailableException.class).hasMessageStartingWith("Ticket is unavailable: "
                + "the database cannot be reached");
        assertThat(((UnavailableException) thrown).reason()).isEqualTo(UnavailableException.Reason.DATABASE_UNREACHABLE);
        assertThat(((UnavailableException) thrown).code()).isEqualTo("DATABASE_UNREACHABLE");
        assertThat(took).isLessThan(TIMEOUT.multipliedBy(4));
        if (!secret.isEmpty()) {
            assertThat(thrown.getMessage()).doesNotContain(secret);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again when the test connects
        }
    }
}
