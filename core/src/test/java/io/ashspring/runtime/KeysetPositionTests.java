package io.ashspring.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.query.Query;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static io.ashspring.expr.Expressions.add;
import static io.ashspring.expr.Expressions.fragment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A keyset position sent through JSON (as a client holds it) finds exactly the row it came from,
 * for every sortable type: rows are neither skipped nor repeated, and windows of one end.
 */
@PostgresTest
class KeysetPositionTests {

    @Resource(table = "samples")
    record Sample(
            @PrimaryKey UUID id,
            String name,
            BigDecimal amount,
            Long counter,
            Instant at,
            LocalDateTime localAt,
            Double ratio) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Sample.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static JdbcClient jdbc;
    static ResourceService<Sample> samples;

    @BeforeAll
    static void schema(TestDatabase database) {
        samples = Databases.runtime(database, REGISTRY).service(Sample.class);
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE samples").update();
    }

    /** Five samples whose values differ only beyond what a double (or a millisecond) can tell apart, and a null. */
    private static void createSamples() {
        long big = 1L << 53; // 2^53 + 1 is the first integer a double cannot hold
        Instant start = Instant.parse("2024-01-01T00:00:00.000001Z");
        LocalDateTime local = LocalDateTime.parse("2024-01-01T00:00:00.000001");
        for (int i = 1; i <= 5; i++) {
            samples.create(Map.of("name", "s" + i,
                    "amount", new BigDecimal("1.0000000000000000000" + i),
                    "counter", big + i,
                    "at", start.plusNanos(1000L * i),
                    "localAt", local.plusNanos(1000L * i),
                    "ratio", 0.1 + i * Math.ulp(0.1)));
        }
        samples.create(Map.of("name", "s6")); // nulls last
    }

    /** Every window of one row, the position of each sent through JSON as a client would: each name seen. */
    private static List<String> scrollThroughJson(Query query) {
        List<String> seen = new ArrayList<>();
        ScrollPosition position = ScrollPosition.keyset();
        while (seen.size() < 20) { // a position that finds its own row again would never end
            Window<Sample> window = samples.scroll(query.limit(1), position);
            window.forEach(s -> seen.add(s.name()));
            if (!window.hasNext()) {
                return seen;
            }
            Map<String, Object> keys = ((KeysetScrollPosition) window.positionAt(0)).getKeys();
            position = ScrollPosition.forward(JSON.readValue(JSON.writeValueAsString(keys),
                    new TypeReference<Map<String, Object>>() { }));
        }
        return seen;
    }

    @Test
    void everyRowIsSeenExactlyOnceThroughJsonPositionsForEverySortableType() {
        createSamples();
        List<String> all = List.of("s1", "s2", "s3", "s4", "s5", "s6");
        for (String sort : List.of("amount", "counter", "at", "localAt", "ratio")) {
            assertThat(scrollThroughJson(Query.all().sort(sort))).as("sorted by %s", sort).containsExactlyElementsOf(all);
            assertThat(scrollThroughJson(Query.all().sort("-" + sort))).as("sorted by -%s", sort)
                    .containsExactly("s6", "s5", "s4", "s3", "s2", "s1");
        }
        // by the primary key (a UUID) alone
        assertThat(scrollThroughJson(Query.all())).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
    }

    @Test
    void aNumericPositionIsItsExactDecimalText() {
        createSamples();
        Window<Sample> window = samples.scroll(Query.all().sort("amount").limit(1), ScrollPosition.keyset());
        Map<String, Object> keys = ((KeysetScrollPosition) window.positionAt(0)).getKeys();
        assertThat(keys).containsEntry("amount", "1.00000000000000000001")
                .containsEntry("id", window.getContent().get(0).id().toString());
        Window<Sample> byTime = samples.scroll(Query.all().sort("at").limit(1), ScrollPosition.keyset());
        assertThat(((KeysetScrollPosition) byTime.positionAt(0)).getKeys()).containsEntry("at", "2024-01-01T00:00:00.000002Z");
    }

    @Test
    void expressionKeysAreExactToo() {
        createSamples();
        // an expression of no attribute's type: its position is PostgreSQL's text, read back as the expression's type
        assertThat(scrollThroughJson(Query.all().sort(SortKey.asc(add("amount", 0)))))
                .containsExactly("s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(scrollThroughJson(Query.all().sort(SortKey.desc(fragment("date_trunc('microseconds', ?)",
                io.ashspring.expr.Expressions.attr("at")))))).containsExactly("s6", "s5", "s4", "s3", "s2", "s1");
        Window<Sample> window = samples.scroll(Query.all().sort(SortKey.asc(add("amount", 0))).limit(1), ScrollPosition.keyset());
        assertThat(((KeysetScrollPosition) window.positionAt(0)).getKeys()).containsEntry("$0", "1.00000000000000000001");
        // a position value that is no value of the expression's type is a bad query, not a server error
        InvalidQueryException invalid = catchThrowableOfType(InvalidQueryException.class, () -> samples.scroll(
                Query.all().sort(SortKey.asc(add("amount", 0))).limit(1),
                ScrollPosition.forward(Map.of("$0", "not a number", "id", UUID.randomUUID().toString()))));
        assertThat(invalid).isNotNull();
        assertThat(invalid.resource()).isEqualTo("Sample");
        assertThat(invalid.getMessage()).doesNotContain("not a number");
    }

    @Test
    void streamsOfOneRowPerWindowEnd() {
        createSamples();
        for (Function<Query, Query> sort : List.<Function<Query, Query>>of(q -> q.sort("amount"), q -> q.sort("-counter"),
                q -> q.sort("at"), q -> q.sort(SortKey.asc(add("amount", 0))))) {
            try (Stream<Sample> stream = samples.stream(sort.apply(Query.all()), 1)) {
                assertThat(stream.limit(20).map(Sample::name)).hasSize(6).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void infiniteTimestampsArePositionsLikeAnyOther() {
        createSamples();
        jdbc.sql("UPDATE samples SET at = 'infinity' WHERE name = 's6'").update();
        samples.create(Map.of("name", "s0", "at", OffsetDateTime.MIN.toInstant()));
        assertThat(scrollThroughJson(Query.all().sort("at"))).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");
    }
}
