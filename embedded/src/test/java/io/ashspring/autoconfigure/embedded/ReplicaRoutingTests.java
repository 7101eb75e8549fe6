package io.ashspring.autoconfigure.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.autoconfigure.embedded.notes.Note;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.ashspring.runtime.replica.ReadYourWrites;
import io.ashspring.runtime.replica.Replica;
import io.ashspring.runtime.replica.ReplicaRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read replica routing against REAL streaming standbys of an embedded server: every test asserts which
 * server answered ({@code pg_is_in_recovery()}, {@code inet_server_port()}), or reads what only one side
 * has (a standby whose replay is paused misses the primary's latest rows).
 */
class ReplicaRoutingTests {

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Note.class);

    static EmbeddedPostgresServer server;
    static EmbeddedStandby first;
    static EmbeddedStandby second;
    static JdbcClient direct;

    HikariDataSource primary;
    List<HikariDataSource> pools = new ArrayList<>();
    ReplicaRouting routing;

    @BeforeAll
    static void servers() {
        server = EmbeddedPostgresServer.start(null, 0, Map.of());
        HikariDataSource setup = pool(server.getJdbcUrl());
        MigrationGenerator.createSchema(setup, REGISTRY);
        setup.close();
        first = EmbeddedStandby.start(server, "replica-1");
        second = EmbeddedStandby.start(server, "replica-2");
        direct = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(server.getJdbcUrl(),
                EmbeddedPostgresServer.USERNAME, ""));
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        server.close();
    }

    @AfterEach
    void close() {
        resumeReplay(first);
        resumeReplay(second);
        if (routing != null) {
            routing.close();
        }
        pools.forEach(HikariDataSource::close);
        if (primary != null) {
            primary.close();
        }
    }

    static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(EmbeddedPostgresServer.USERNAME);
        pool.setMaximumPoolSize(8);
        pool.setConnectionTimeout(500);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    ReplicaRouting routing(ReadYourWrites readYourWrites, Duration maxLag, EmbeddedStandby... standbys) {
        primary = pool(server.getJdbcUrl());
        List<Replica> replicas = new ArrayList<>();
        for (EmbeddedStandby standby : standbys) {
            HikariDataSource pool = pool(standby.getJdbcUrl());
            pools.add(pool);
            replicas.add(new Replica(standby.getName(), pool, maxLag));
        }
        routing = new ReplicaRouting(primary, replicas, readYourWrites, Duration.ofMillis(100));
        return routing;
    }

    ResourceService<Note> notes() {
        return new AshRuntime(REGISTRY, JdbcClient.create(primary), new DataSourceTransactionManager(primary), routing)
                .service(Note.class);
    }

    /** The port of the server a lone read reached, through the routing as the runtime uses it. */
    int loneReadPort() {
        JdbcClient primaryClient = JdbcClient.create(primary);
        return routing.read(() -> routing.client(primaryClient).sql("SELECT inet_server_port()").query(Integer.class).single());
    }

    static void pauseReplay(EmbeddedStandby standby) {
        JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(standby.getJdbcUrl(),
                EmbeddedPostgresServer.USERNAME, "")).sql("SELECT pg_wal_replay_pause()").query(String.class).single();
    }

    static void resumeReplay(EmbeddedStandby standby) {
        try {
            JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(standby.getJdbcUrl(),
                    EmbeddedPostgresServer.USERNAME, "")).sql("SELECT pg_wal_replay_resume()").query(String.class).single();
        }
        catch (RuntimeException ex) {
            // stopped by the test
        }
    }

    static void insertDirectly(String body) {
        direct.sql("INSERT INTO notes (id, body) VALUES (gen_random_uuid(), ?)").param(body).update();
    }

    @Test
    void loneReadsAreAnsweredByTheStandbysInTurn() {
        routing(ReadYourWrites.THREAD, Duration.ofSeconds(10), first, second);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ports.add(loneReadPort());
        }
        assertThat(ports).containsOnly(first.getPort(), second.getPort()).contains(first.getPort(), second.getPort());
        JdbcClient primaryClient = JdbcClient.create(primary);
        assertThat(routing.read(() -> routing.client(primaryClient).sql("SELECT pg_is_in_recovery()").query(Boolean.class)
                .single())).isTrue();
    }

    @Test
    void aServiceReadsOnAStandbyAndUsingPrimaryOnThePrimary() {
        routing(ReadYourWrites.THREAD, Duration.ofSeconds(10), first);
        ResourceService<Note> notes = notes();
        pauseReplay(first);
        String body = "only on the primary " + System.nanoTime();
        insertDirectly(body);
        assertThat(notes.readAll()).extracting(Note::body).doesNotContain(body);
        assertThat(notes.usingPrimary().readAll()).extracting(Note::body).contains(body);
        assertThat(notes.read(io.ashspring.query.Query.all().usingPrimary())).extracting(Note::body).contains(body);
        resumeReplay(first);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notes.readAll()).extracting(Note::body)
                .contains(body));
    }

    @Test
    void readOnlyTransactionsRunOnAStandbyAndWritesOnThePrimary() {
        routing(ReadYourWrites.THREAD, Duration.ofSeconds(10), first);
        LazyConnectionDataSourceProxy dataSource = new LazyConnectionDataSourceProxy(primary);
        dataSource.setReadOnlyDataSource(routing.dataSource());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        TransactionTemplate readWrite = new TransactionTemplate(transactions);
        String recovery = "SELECT pg_is_in_recovery()::text || ' ' || inet_server_port()";
        assertThat((String) readOnly.execute(status -> jdbc.sql(recovery).query(String.class).single()))
                .isEqualTo("true " + first.getPort());
        assertThat((String) readWrite.execute(status -> jdbc.sql(recovery).query(String.class).single()))
                .isEqualTo("false " + server.getPort());
        ResourceService<Note> notes = new AshRuntime(REGISTRY, jdbc, transactions, routing).service(Note.class);
        Note written = notes.create(Map.of("body", "written on the primary"));
        assertThat(direct.sql("SELECT count(*) FROM notes WHERE id = ?").param(written.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aReadAfterAWriteGoesToTheStandbyOnlyOnceItHasReplayedTheWrite() {
        routing(ReadYourWrites.THREAD, Duration.ofSeconds(10), first);
        ResourceService<Note> notes = notes();
        pauseReplay(first);
        Note written = notes.create(Map.of("body", "read your writes"));
        // the standby cannot have it: the read goes to the primary, and finds it
        assertThat(notes.find(written.id())).contains(written);
        assertThat(loneReadPort()).isEqualTo(server.getPort());
        resumeReplay(first);
        // once replayed, this thread reads on the standby again, and still finds its write
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(loneReadPort()).isEqualTo(first.getPort()));
        assertThat(notes.find(written.id())).contains(written);
    }

    @Test
    void aLaggingStandbyIsSkippedUntilItCatchesUp() {
        routing(ReadYourWrites.NONE, Duration.ofMillis(300), first, second);
        pauseReplay(first);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                insertDirectly("moves the primary's WAL");
                sleep(20);
            }
        });
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !routing.status().get(0).usable());
            assertThat(routing.status().get(0).up()).isTrue();
            assertThat(routing.status().get(0).lag()).isGreaterThan(Duration.ofMillis(300));
            for (int i = 0; i < 10; i++) {
                assertThat(loneReadPort()).isEqualTo(second.getPort());
            }
        }
        finally {
            writing.set(false);
            join(writer);
        }
        resumeReplay(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> routing.status().get(0).usable());
    }

    @Test
    void aStandbyStoppedUnderLoadCostsNoFailedRead() throws Exception {
        EmbeddedStandby doomed = EmbeddedStandby.start(server, "replica-3");
        routing(ReadYourWrites.NONE, Duration.ofSeconds(10), doomed);
        ResourceService<Note> notes = notes();
        insertDirectly("read under load");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notes.readAll()).isNotEmpty());
        int threads = 8;
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (reading.get()) {
                    try {
                        assertThat(notes.readAll()).isNotEmpty();
                        reads.incrementAndGet();
                    }
                    catch (Throwable ex) {
                        failures.incrementAndGet();
                        errors.add(ex);
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> reads.get() > 200);
        assertThat(loneReadPort()).isEqualTo(doomed.getPort());
        long beforeStop = reads.get();
        doomed.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > beforeStop + 500);
        reading.set(false);
        for (Future<?> future : running) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(errors).isEmpty();
        assertThat(failures.get()).isZero();
        assertThat(loneReadPort()).isEqualTo(server.getPort());
        assertThat(routing.status().get(0).up()).isFalse();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
