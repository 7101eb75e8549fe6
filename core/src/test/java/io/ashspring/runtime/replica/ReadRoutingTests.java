package io.ashspring.runtime.replica;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Ticket;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ReadRouting;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-routing seam of the runtime, with a "replica" that is a second database holding other rows, so
 * that every read shows which side answered: lone reads go to the replica, reads in a transaction and
 * pinned reads to the primary, reads after a write wait for a replica that has replayed it, and a replica
 * that is gone is skipped without an error. (A real streaming standby: {@code ReplicaRoutingTests} in the
 * embedded module.)
 */
class ReadRoutingTests {

    static TestDatabase primaryDatabase;
    static TestDatabase replicaDatabase;
    HikariDataSource primary;
    HikariDataSource replica;
    ReplicaRouting routing;

    @BeforeAll
    static void databases() {
        primaryDatabase = TestDatabases.fresh();
        replicaDatabase = TestDatabases.fresh();
        MigrationGenerator.createSchema(primaryDatabase.dataSource(), Helpdesk.registry());
        MigrationGenerator.createSchema(replicaDatabase.dataSource(), Helpdesk.registry());
        JdbcClient.create(primaryDatabase.dataSource()).sql("INSERT INTO tickets (id, subject) VALUES (gen_random_uuid(), 'on the primary')").update();
        JdbcClient.create(replicaDatabase.dataSource()).sql("INSERT INTO tickets (id, subject) VALUES (gen_random_uuid(), 'on the replica')").update();
    }

    @AfterEach
    void close() {
        if (routing != null) {
            routing.close();
        }
        replica.close();
        primary.close();
    }

    private ResourceService<Ticket> tickets(ReadYourWrites readYourWrites) {
        primary = pool(primaryDatabase);
        replica = pool(replicaDatabase);
        routing = new ReplicaRouting(primary, List.of(new Replica("replica-1", replica, Duration.ofSeconds(5))),
                readYourWrites, Duration.ofMillis(200));
        return new AshRuntime(Helpdesk.registry(), JdbcClient.create(primary), new DataSourceTransactionManager(primary),
                routing).service(Ticket.class);
    }

    private static HikariDataSource pool(TestDatabase database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(500);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    private static List<String> subjects(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::subject).filter(s -> s.startsWith("on the")).toList();
    }

    @Test
    void aLoneReadGoesToTheReplicaAndEveryKindOfReadFollows() {
        ResourceService<Ticket> tickets = tickets(ReadYourWrites.THREAD);
        assertThat(subjects(tickets.readAll())).containsExactly("on the replica");
        assertThat(tickets.count(Query.all())).isEqualTo(1);
        Ticket onReplica = tickets.readAll().get(0);
        assertThat(tickets.find(onReplica.id())).isPresent();
    }

    @Test
    void readsInATransactionAndPinnedReadsGoToThePrimary() {
        ResourceService<Ticket> tickets = tickets(ReadYourWrites.THREAD);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(primary));
        assertThat(subjects(transaction.execute(status -> tickets.readAll()))).containsExactly("on the primary");
        assertThat(subjects(tickets.usingPrimary().readAll())).containsExactly("on the primary");
        assertThat(subjects(tickets.read(Query.all().usingPrimary()))).containsExactly("on the primary");
        assertThat(subjects(tickets.readAll())).containsExactly("on the replica");
    }

    @Test
    void aReadAfterAWriteStaysOnThePrimaryOfThatThreadUntilAReplicaHasReplayedIt() throws Exception {
        ResourceService<Ticket> tickets = tickets(ReadYourWrites.THREAD);
        Ticket written = tickets.create(Map.of("subject", "written"));
        // this "replica" is no standby: it never reports replaying the write, so this thread stays on the primary
        assertThat(tickets.find(written.id())).isPresent();
        assertThat(subjects(tickets.readAll())).containsExactly("on the primary");
        // another thread did not write: the replica answers it
        assertThat(subjects(CompletableFuture.supplyAsync(tickets::readAll).get())).containsExactly("on the replica");
        tickets.destroy(written.id());
    }

    @Test
    void applicationWideReadYourWritesKeepsEveryThreadOnThePrimaryAfterAWrite() throws Exception {
        ResourceService<Ticket> tickets = tickets(ReadYourWrites.APPLICATION);
        assertThat(subjects(CompletableFuture.supplyAsync(tickets::readAll).get())).containsExactly("on the replica");
        Ticket written = tickets.create(Map.of("subject", "written"));
        assertThat(subjects(CompletableFuture.supplyAsync(tickets::readAll).get())).containsExactly("on the primary");
        tickets.destroy(written.id());
    }

    @Test
    void withoutReadYourWritesAReadAfterAWriteMayGoToTheReplica() {
        ResourceService<Ticket> tickets = tickets(ReadYourWrites.NONE);
        Ticket written = tickets.create(Map.of("subject", "written"));
        assertThat(tickets.find(written.id())).isEmpty(); // the replica never got it
        assertThat(subjects(tickets.readAll())).containsExactly("on the replica");
        tickets.destroy(written.id());
    }

    @Test
    void aReplicaThatIsGoneIsSkippedWithoutAnError() {
        ResourceService<Ticket> tickets = tickets(ReadYourWrites.THREAD);
        assertThat(subjects(tickets.readAll())).containsExactly("on the replica");
        replica.close();
        assertThat(subjects(tickets.readAll())).containsExactly("on the primary");
        assertThat(routing.status()).singleElement().satisfies(status -> {
            assertThat(status.up()).isFalse();
            assertThat(status.usable()).isFalse();
            assertThat(status.error()).isNotBlank();
        });
    }

    @Test
    void aRuntimeWithoutReplicasReadsOnThePrimary() {
        primary = pool(primaryDatabase);
        replica = pool(replicaDatabase);
        AshRuntime ash = AshRuntime.of(Helpdesk.registry(), primary);
        assertThat(ash.reads()).isSameAs(ReadRouting.primary());
        assertThat(subjects(ash.service(Ticket.class).readAll())).containsExactly("on the primary");
    }
}
