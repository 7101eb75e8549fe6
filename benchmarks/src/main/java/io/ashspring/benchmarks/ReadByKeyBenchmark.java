package io.ashspring.benchmarks;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.ashspring.runtime.ResourceService;

/**
 * Reading one record by primary key: {@code ResourceService.get} against a hand-written prepared
 * statement on the same pool and database, mapping to the same record. The target is a ratio of
 * at most 1.15.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class ReadByKeyBenchmark {

    private Database database;
    private ResourceService<BenchTicket> tickets;

    @Setup
    public void setUp() throws IOException {
        database = new Database(1_000);
        tickets = database.ash.service(BenchTicket.class);
    }

    @TearDown
    public void tearDown() throws IOException {
        database.close();
    }

    @Benchmark
    public BenchTicket ash() {
        return tickets.get(database.anyTicketId());
    }

    @Benchmark
    public BenchTicket jdbc() throws SQLException {
        try (Connection connection = database.pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, subject, status, priority, inserted_at FROM bench_tickets WHERE id = ?")) {
            statement.setObject(1, database.anyTicketId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("missing");
                }
                int priority = rs.getInt(4);
                Integer nullablePriority = rs.wasNull() ? null : priority;
                return new BenchTicket(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        nullablePriority, rs.getObject(5, OffsetDateTime.class).toInstant());
            }
        }
    }
}
