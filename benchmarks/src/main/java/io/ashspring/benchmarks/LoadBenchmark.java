package io.ashspring.benchmarks;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.resource.Ref;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Loading 1,000 tickets with their comments (10 each) and a comment count:
 * {@code ResourceService.read(Query.all().load("comments", "commentCount"))} (two statements: the
 * tickets with the count as a correlated subquery, then every comment with {@code = ANY(?)}) against
 * the same two statements written by hand on the same pool, mapping to the same records. The
 * target is a ratio of at most 1.3. {@code ashPage}/{@code jdbcPage}: a page of 10 of those tickets
 * with their comment count, which must be counted for the 10 tickets returned only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class LoadBenchmark {

    private static final int TICKETS = 1_000;
    private static final int COMMENTS_PER_TICKET = 10;
    private static final int PAGE = 10;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private ResourceService<LoadTicket> tickets;
    private Query query;
    private Query page;

    @Setup
    public void setUp() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        ResourceRegistry registry = ResourceRegistry.of(LoadTicket.class, LoadComment.class);
        MigrationGenerator.createSchema(pool, registry);
        JdbcClient jdbc = JdbcClient.create(pool);
        jdbc.sql("INSERT INTO load_tickets (id, subject, status) SELECT gen_random_uuid(), 'Ticket ' || g, 'open' "
                + "FROM generate_series(1, " + TICKETS + ") g").update();
        jdbc.sql("INSERT INTO load_comments (id, body, ticket_id) SELECT gen_random_uuid(), 'Comment ' || n, t.id "
                + "FROM load_tickets t, generate_series(1, " + COMMENTS_PER_TICKET + ") n").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS load_comments_ticket_id_index ON load_comments (ticket_id)").update();
        jdbc.sql("ANALYZE").update();
        tickets = AshRuntime.of(registry, pool).service(LoadTicket.class);
        query = Query.all().load("comments", "commentCount");
        page = Query.all().sort("subject").limit(PAGE).load("commentCount");
    }

    @TearDown
    public void tearDown() throws IOException {
        pool.close();
        postgres.close();
    }

    @Benchmark
    public List<LoadTicket> ash() {
        List<LoadTicket> read = tickets.read(query);
        if (read.size() != TICKETS) {
            throw new IllegalStateException("read " + read.size());
        }
        return read;
    }

    @Benchmark
    public List<LoadTicket> jdbc() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            List<UUID> ids = new ArrayList<>(TICKETS);
            List<String[]> rows = new ArrayList<>(TICKETS);
            List<Long> counts = new ArrayList<>(TICKETS);
            try (PreparedStatement statement = connection.prepareStatement("SELECT t.id, t.subject, t.status, "
                    + "(SELECT count(*) FROM load_comments c WHERE c.ticket_id = t.id) FROM load_tickets t");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    rows.add(new String[] {rs.getString(2), rs.getString(3)});
                    counts.add(rs.getLong(4));
                }
            }
            Map<UUID, List<LoadComment>> comments = new HashMap<>();
            Array keys = connection.createArrayOf("uuid", ids.toArray());
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, body, ticket_id FROM load_comments WHERE ticket_id = ANY(?)")) {
                statement.setArray(1, keys);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        UUID ticket = rs.getObject(3, UUID.class);
                        comments.computeIfAbsent(ticket, t -> new ArrayList<>())
                                .add(new LoadComment(rs.getObject(1, UUID.class), rs.getString(2), Ref.to(ticket)));
                    }
                }
            }
            List<LoadTicket> result = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                result.add(new LoadTicket(ids.get(i), rows.get(i)[0], rows.get(i)[1],
                        List.copyOf(comments.getOrDefault(ids.get(i), List.of())), counts.get(i)));
            }
            return result;
        }
    }

    /** A page of 10 tickets (by subject, no index) with their comment counts: counted for those 10 only. */
    @Benchmark
    public List<LoadTicket> ashPage() {
        List<LoadTicket> read = tickets.read(page);
        if (read.size() != PAGE) {
            throw new IllegalStateException("read " + read.size());
        }
        return read;
    }

    @Benchmark
    public List<LoadTicket> jdbcPage() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT t.id, t.subject, t.status, "
                     + "(SELECT count(*) FROM load_comments c WHERE c.ticket_id = t.id) FROM load_tickets t "
                     + "ORDER BY t.subject LIMIT ?")) {
            statement.setInt(1, PAGE);
            List<LoadTicket> result = new ArrayList<>(PAGE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(new LoadTicket(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), null,
                            rs.getLong(4)));
                }
            }
            return result;
        }
    }
}
