package io.ashspring.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.ashspring.runtime.replica.ReadYourWrites;
import io.ashspring.runtime.replica.Replica;
import io.ashspring.runtime.replica.ReplicaRouting;

/**
 * What read-replica routing costs a read by key: {@code ResourceService.get} through a
 * {@link ReplicaRouting} with one replica (round robin, health and lag state, read-your-writes on, the
 * retry-on-failure wrapper) against the same call on a runtime reading that replica's pool directly. Both
 * reach the same server through the same pool, so the difference is the routing alone. Target: at most
 * 1.03.
 *
 * <p>The two run side by side, one thread each, in one JMH group: on a shared, loaded machine whatever
 * slows one slows the other at the same moment, so their ratio holds where two runs one after the other
 * would each see another load.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class ReplicaRoutingBenchmark {

    private Database database;
    private HikariDataSource replicaPool;
    private ReplicaRouting routing;
    private ResourceService<BenchTicket> routed;
    private ResourceService<BenchTicket> direct;

    @Setup
    public void setUp() throws IOException {
        database = new Database(1_000); // written through a runtime without routing: no write to wait for
        replicaPool = Database.pool(database.postgres);
        routing = new ReplicaRouting(database.pool, List.of(new Replica("replica-1", replicaPool, Duration.ofSeconds(10))),
                ReadYourWrites.THREAD, Duration.ofSeconds(1));
        routed = new AshRuntime(database.ash.registry(), JdbcClient.create(database.pool),
                new DataSourceTransactionManager(database.pool), routing).service(BenchTicket.class);
        direct = AshRuntime.of(database.ash.registry(), replicaPool).service(BenchTicket.class);
        if (!routing.status().get(0).usable()) {
            throw new IllegalStateException("the replica is not usable: " + routing.status());
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        routing.close();
        replicaPool.close();
        database.close();
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public BenchTicket routed() {
        return routed.get(database.anyTicketId());
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public BenchTicket direct() {
        return direct.get(database.anyTicketId());
    }
}
