package io.ashspring.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.BulkOptions;
import io.ashspring.runtime.BulkResult;
import io.ashspring.runtime.ResourceService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Inserting 10,000 rows of four columns from the same input maps: {@code createAll} with
 * {@code RETURNING} every column mapped to records ({@code ashCreateAll}), {@code createAll} counting
 * only ({@code ashCreateAllCount}), against PostgreSQL's {@code COPY … FROM STDIN} through pgjdbc's
 * {@code CopyManager} (the floor: the rows formatted as COPY text from the same maps) and a JDBC batch
 * of one {@code INSERT} per row ({@code jdbcBatch}, for reference) and the {@code unnest} statement
 * {@code createAll} sends, written by hand ({@code jdbcUnnest}). The table is emptied before each
 * invocation, outside the timing. The target is createAll at most 1.25 × COPY.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BulkInsertBenchmark {

    private static final int ROWS = 10_000;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private JdbcClient jdbc;
    private ResourceService<BulkTicket> tickets;
    private final List<Map<String, Object>> inputs = new ArrayList<>(ROWS);

    @Setup
    public void setUp() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        pool = Database.pool(postgres);
        ResourceRegistry registry = ResourceRegistry.of(BulkTicket.class);
        MigrationGenerator.createSchema(pool, registry);
        jdbc = JdbcClient.create(pool);
        tickets = AshRuntime.of(registry, pool).service(BulkTicket.class);
        for (int i = 0; i < ROWS; i++) {
            inputs.add(Map.of("subject", "Ticket number " + i, "status", i % 3 == 0 ? "open" : "closed",
                    "priority", i % 5, "views", (long) i * 7));
        }
    }

    @Setup(Level.Invocation)
    public void empty() {
        jdbc.sql("TRUNCATE bulk_tickets").update();
    }

    @TearDown
    public void tearDown() throws IOException {
        pool.close();
        postgres.close();
    }

    @Benchmark
    public List<BulkTicket> ashCreateAll() {
        BulkResult<BulkTicket> result = tickets.createAll(inputs);
        check(result.records().size());
        return result.records();
    }

    @Benchmark
    public long ashCreateAllCount() {
        BulkResult<BulkTicket> result = tickets.createAll(inputs, BulkOptions.defaults().returnRecords(false));
        check(result.count());
        return result.count();
    }

    @Benchmark
    public long copy() throws SQLException, IOException {
        StringBuilder text = new StringBuilder(ROWS * 40);
        for (Map<String, Object> input : inputs) {
            // no value of this workload needs COPY's escaping (tabs, newlines, backslashes)
            text.append(input.get("subject")).append('\t').append(input.get("status")).append('\t')
                    .append(input.get("priority")).append('\t').append(input.get("views")).append('\n');
        }
        try (Connection connection = pool.getConnection()) {
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bulk_tickets (subject, status, priority, views) FROM STDIN", new StringReader(text.toString()));
            check(rows);
            return rows;
        }
    }

    /** The statement the fast path sends, written by hand: the floor for {@code ashCreateAllCount}. */
    @Benchmark
    public int jdbcUnnest() throws SQLException {
        String[] subjects = new String[ROWS];
        String[] statuses = new String[ROWS];
        Integer[] priorities = new Integer[ROWS];
        Long[] views = new Long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> input = inputs.get(i);
            subjects[i] = (String) input.get("subject");
            statuses[i] = (String) input.get("status");
            priorities[i] = (Integer) input.get("priority");
            views[i] = (Long) input.get("views");
        }
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_tickets (subject, status, priority, "
                     + "views) SELECT unnest(?::text[]), unnest(?::text[]), unnest(?::int4[]), unnest(?::int8[])")) {
            insert.setArray(1, connection.createArrayOf("text", subjects));
            insert.setArray(2, connection.createArrayOf("text", statuses));
            insert.setArray(3, connection.createArrayOf("int4", priorities));
            insert.setArray(4, connection.createArrayOf("int8", views));
            int rows = insert.executeUpdate();
            check(rows);
            return rows;
        }
    }

    @Benchmark
    public int jdbcBatch() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO bulk_tickets (subject, status, priority, views) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (Map<String, Object> input : inputs) {
                insert.setString(1, (String) input.get("subject"));
                insert.setString(2, (String) input.get("status"));
                insert.setInt(3, (Integer) input.get("priority"));
                insert.setLong(4, (Long) input.get("views"));
                insert.addBatch();
            }
            int rows = insert.executeBatch().length;
            connection.commit();
            connection.setAutoCommit(true);
            check(rows);
            return rows;
        }
    }

    private static void check(long rows) {
        if (rows != ROWS) {
            throw new IllegalStateException("inserted " + rows + " rows, not " + ROWS);
        }
    }
}
