package io.ashspring.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.error.UnavailableException;
import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Ticket;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Lock;
import io.ashspring.query.Query;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Row locks taken by reads, seen from a second connection: NOWAIT fails at once with an
 * {@link UnavailableException}, SKIP LOCKED leaves locked rows out, and the four strengths conflict
 * as PostgreSQL's row-lock table says.
 */
@PostgresTest
class LockTests {

    static DataSource dataSource;
    static TransactionTemplate transaction;
    static AshRuntime ash;
    static JdbcClient jdbc;
    ResourceService<Ticket> tickets;
    /** The other connection, holding its locks in an open transaction. */
    Connection other;
    Ticket first;
    Ticket second;

    @BeforeAll
    static void schema(TestDatabase database) {
        dataSource = database.dataSource();
        MigrationGenerator.createSchema(dataSource, Helpdesk.registry());
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(manager);
        ash = new AshRuntime(Helpdesk.registry(), JdbcClient.create(dataSource), manager);
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void data() throws SQLException {
        jdbc.sql("TRUNCATE tickets, comments, representatives").update();
        tickets = ash.service(Ticket.class);
        first = tickets.create(Map.of("subject", "first", "priority", 1));
        second = tickets.create(Map.of("subject", "second", "priority", 2));
        other = dataSource.getConnection();
        other.setAutoCommit(false);
    }

    @AfterEach
    void release() throws SQLException {
        other.rollback();
        other.close();
    }

    private void otherLocks(Ticket ticket, String clause) throws SQLException {
        try (PreparedStatement statement = other.prepareStatement("SELECT id FROM tickets WHERE id = ? " + clause)) {
            statement.setObject(1, ticket.id());
            statement.execute();
        }
    }

    private List<Ticket> readInTransaction(Query query) {
        return transaction.execute(status -> tickets.read(query));
    }

    @Test
    void nowaitOnALockedRowFailsAtOnceAsUnavailable() throws SQLException {
        otherLocks(first, "FOR UPDATE");
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> readInTransaction(Query.all().where("subject", "first")
                .lock(Lock.forUpdate().nowait())));
        assertThat(thrown).isInstanceOf(UnavailableException.class)
                .hasMessage("Ticket is unavailable: another transaction holds a lock on the records asked for; try again later");
        assertThat(((UnavailableException) thrown).resource()).isEqualTo("Ticket");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
        // an unlocked row is available
        assertThat(readInTransaction(Query.all().where("subject", "second").lock(Lock.forUpdate().nowait())))
                .containsExactly(second);
    }

    @Test
    void skipLockedLeavesLockedRowsOut() throws SQLException {
        otherLocks(first, "FOR UPDATE");
        assertThat(readInTransaction(Query.all().sort("priority").limit(1).lock(Lock.forUpdate().skipLocked())))
                .containsExactly(second);
        assertThat(readInTransaction(Query.all().lock(Lock.forShare().skipLocked()))).containsExactly(second);
    }

    @Test
    void theFourStrengthsConflictAsPostgresqlSays() throws SQLException {
        otherLocks(first, "FOR KEY SHARE");
        Query query = Query.all().where("subject", "first");
        // no key update does not conflict with key share; update does
        assertThat(readInTransaction(query.lock(Lock.forNoKeyUpdate().nowait()))).containsExactly(first);
        assertThat(readInTransaction(query.lock(Lock.forShare().nowait()))).containsExactly(first);
        assertThat(readInTransaction(query.lock(Lock.forKeyShare().nowait()))).containsExactly(first);
        assertThatThrownBy(() -> readInTransaction(query.lock(Lock.forUpdate().nowait())))
                .isInstanceOf(UnavailableException.class);
    }

    @Test
    void aLockTakenByTheServiceIsHeldUntilItsTransactionEnds() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<List<Ticket>> holder = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            List<Ticket> read = tickets.read(Query.all().where("subject", "first").lock(Lock.forUpdate()));
            locked.countDown();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return read;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> otherLocks(first, "FOR UPDATE NOWAIT")).isInstanceOf(SQLException.class)
                .hasMessageContaining("could not obtain lock");
        other.rollback();
        done.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).containsExactly(first);
        otherLocks(first, "FOR UPDATE NOWAIT"); // released with the transaction
    }

    @Test
    void aWriteThatTimesOutWaitingForALockIsUnavailableToo() throws SQLException {
        otherLocks(first, "FOR UPDATE");
        Throwable thrown = catchThrowable(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '100ms'").update();
            tickets.update(first.id(), Map.of("priority", 9));
        }));
        assertThat(thrown).isInstanceOf(UnavailableException.class);
    }

    @Test
    void aLockingReadOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> tickets.read(Query.all().lock(Lock.forUpdate())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a transaction");
    }
}
