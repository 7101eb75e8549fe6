package io.ashspring.runtime;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Ticket;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Service writes are Spring transactions: they join the caller's transaction (so the caller's
 * failure rolls them back), and run in their own when there is none.
 */
@PostgresTest
class TransactionTests {

    static DataSource dataSource;
    static DataSourceTransactionManager transactionManager;
    static TransactionTemplate outer;
    static AshRuntime ash;
    /** Reads through its own connections: sees only what was committed. */
    static JdbcClient committed;
    ResourceService<Ticket> tickets;
    ResourceService<Representative> representatives;

    @BeforeAll
    static void schema(TestDatabase database) {
        dataSource = database.dataSource();
        MigrationGenerator.createSchema(dataSource, Helpdesk.registry());
        transactionManager = new DataSourceTransactionManager(dataSource);
        outer = new TransactionTemplate(transactionManager);
        ash = new AshRuntime(Helpdesk.registry(), JdbcClient.create(dataSource), transactionManager);
        committed = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        committed.sql("TRUNCATE tickets, comments, representatives").update();
        tickets = ash.service(Ticket.class);
        representatives = ash.service(Representative.class);
    }

    private static long committedTickets() {
        return committed.sql("SELECT count(*) FROM tickets").query(Long.class).single();
    }

    @Test
    void writesJoinTheOuterTransactionAndRollBackWithIt() {
        Throwable thrown = catchThrowable(() -> outer.executeWithoutResult(status -> {
            tickets.create(Map.of("subject", "first"));
            tickets.create(Map.of("subject", "second"));
            // inside the transaction both are visible through the same connection
            assertThat(tickets.readAll()).extracting(Ticket::subject).containsExactlyInAnyOrder("first", "second");
            // and not to anyone else yet
            assertThat(committedTickets()).isZero();
            throw new IllegalStateException("the caller fails after both writes");
        }));
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("the caller fails after both writes");
        assertThat(committedTickets()).isZero();
    }

    @Test
    void aConstraintFailureOnTheSecondWriteRollsBackTheFirst() {
        Throwable thrown = catchThrowable(() -> outer.executeWithoutResult(status -> {
            tickets.create(Map.of("subject", "unique"));
            tickets.create(Map.of("subject", "unique"));
        }));
        assertThat(thrown).isInstanceOf(InvalidException.class);
        assertThat(((InvalidException) thrown).errors())
                .containsExactly(new FieldError("subject", "has already been taken", "unique"));
        assertThat(committedTickets()).isZero();
    }

    @Test
    void aDatabaseConstraintFailureCaughtByTheCallerStillRollsBackTheWholeTransaction() {
        // PostgreSQL aborts the transaction on the failed statement, so the participating write marks it rollback-only
        Throwable thrown = catchThrowable(() -> outer.executeWithoutResult(status -> {
            tickets.create(Map.of("subject", "kept?"));
            try {
                tickets.create(Map.of("subject", "kept?"));
            } catch (InvalidException expected) {
                // swallowed by the caller
            }
        }));
        assertThat(thrown).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(committedTickets()).isZero();
    }

    @Test
    void aValidationFailureBeforeAnySqlLeavesTheOuterTransactionUsable() {
        outer.executeWithoutResult(status -> {
            tickets.create(Map.of("subject", "before"));
            Throwable invalid = catchThrowable(() -> tickets.create(Map.of("subject", "x".repeat(201))));
            assertThat(invalid).isInstanceOf(InvalidException.class);
            assertThat(status.isRollbackOnly()).isFalse();
            tickets.create(Map.of("subject", "after"));
        });
        assertThat(committed.sql("SELECT subject FROM tickets ORDER BY subject").query(String.class).list())
                .containsExactly("after", "before");
    }

    @Test
    void aSuccessfulOuterTransactionCommitsEveryWriteTogether() {
        Ticket ticket = outer.execute(status -> {
            Representative rep = representatives.create(Map.of("name", "Rosa"));
            Ticket created = tickets.create(Map.of("subject", "together", "representative", rep.id()));
            ash.service(Comment.class).create(Map.of("body", "hello", "ticket", created.id()));
            tickets.update(created.id(), Map.of("priority", 5));
            assertThat(committedTickets()).isZero();
            return created;
        });
        assertThat(committedTickets()).isEqualTo(1);
        assertThat(committed.sql("SELECT priority FROM tickets WHERE id = ?").param(ticket.id()).query(Integer.class).single())
                .isEqualTo(5);
        assertThat(committed.sql("SELECT count(*) FROM comments").query(Long.class).single()).isEqualTo(1);
        assertThat(committed.sql("SELECT count(*) FROM representatives").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWriteOutsideAnyTransactionCommitsOnItsOwn() {
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        Ticket ticket = tickets.create(Map.of("subject", "alone"));
        assertThat(committedTickets()).isEqualTo(1);
        Throwable thrown = catchThrowable(() -> tickets.create(Map.of("subject", "alone")));
        assertThat(thrown).isInstanceOf(InvalidException.class);
        // the failed write took nothing else with it
        assertThat(committed.sql("SELECT id FROM tickets").query(java.util.UUID.class).single()).isEqualTo(ticket.id());
        tickets.destroy(ticket.id());
        assertThat(committedTickets()).isZero();
    }

    @Test
    void anOuterTransactionMarkedRollbackOnlyDiscardsWritesMadeInsideIt() {
        outer.executeWithoutResult(status -> {
            tickets.create(Map.of("subject", "discarded"));
            status.setRollbackOnly();
        });
        assertThat(committedTickets()).isZero();
    }
}
