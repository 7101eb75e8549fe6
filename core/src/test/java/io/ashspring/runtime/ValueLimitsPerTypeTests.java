package io.ashspring.runtime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;
import io.ashspring.type.ValueLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The limits of a column checked once per type ({@link ValueLimits#column(io.ashspring.type.AttributeType)},
 * what a bulk create uses for thousands of values): the same verdict as the value-by-value check,
 * and in a bulk create a field error at the input's index, before any SQL, for every kind of limit.
 */
@PostgresTest
class ValueLimitsPerTypeTests {

    @Resource(table = "meters")
    record Meter(
            @PrimaryKey UUID id,
            @Attribute(varchar = 5) String code,
            @Attribute(columnType = "varchar(3)") String tag,
            String note,
            @Attribute(precision = 6, scale = 2) BigDecimal amount,
            BigDecimal reading,
            @Attribute(columnType = "smallint") Integer small,
            @Attribute(columnType = "integer") Long medium,
            Integer count,
            Long total,
            LocalDate day) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Meter.class);
    static final ResourceModel METER = REGISTRY.resource(Meter.class);
    static JdbcClient jdbc;
    static ResourceService<Meter> meters;

    @BeforeAll
    static void schema(TestDatabase database) {
        meters = Databases.runtime(database, REGISTRY).service(Meter.class);
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE meters").update();
    }

    private static long rows() {
        return jdbc.sql("SELECT count(*) FROM meters").query(Long.class).single();
    }

    /** Values at, inside and beyond each column's limits. */
    private static final Map<String, List<Object>> PROBES = Map.of(
            "code", List.of("abcde", "abcdef", "abcde   ", "abcdé", "a\u0000", "😀😀😀😀😀", "😀😀😀😀😀x"),
            "tag", List.of("abc", "abcd", "ab  "),
            "note", List.of("x".repeat(10_000), "nul \u0000 here", ""),
            "amount", List.of(new BigDecimal("9999.99"), new BigDecimal("9999.994"), new BigDecimal("9999.995"),
                    new BigDecimal("-10000"), new BigDecimal("0.001"), new BigDecimal("1e-20000")),
            "reading", List.of(new BigDecimal("1e131071"), new BigDecimal("1e131072"), new BigDecimal("1e-16383"),
                    new BigDecimal("1e-16384")),
            "small", List.of(32767, -32768, 32768, -32769, 0),
            "medium", List.of(2_147_483_647L, 2_147_483_648L, -2_147_483_649L, 5L),
            "count", List.of(Integer.MAX_VALUE, Integer.MIN_VALUE),
            "total", List.of(Long.MAX_VALUE, Long.MIN_VALUE),
            "day", List.of(LocalDate.of(2026, 12, 5), LocalDate.of(-4713, 12, 31), LocalDate.MAX));

    @Test
    void theCheckWorkedOutOncePerTypeGivesTheVerdictOfTheValueByValueCheck() {
        int refused = 0;
        for (Map.Entry<String, List<Object>> probe : PROBES.entrySet()) {
            AttributeModel attribute = METER.requireAttribute(probe.getKey());
            ValueLimits.ColumnCheck check = ValueLimits.column(attribute.type());
            for (Object value : probe.getValue()) {
                assertThat(check.check(value)).as("%s = %s", probe.getKey(), value)
                        .isEqualTo(ValueLimits.column(attribute.type(), value));
                refused += check.check(value).isPresent() ? 1 : 0;
            }
        }
        assertThat(refused).as("probes beyond a limit").isEqualTo(15);
        assertThat(ValueLimits.column(METER.requireAttribute("count").type())).as("an int in an integer column")
                .isSameAs(ValueLimits.ColumnCheck.NONE);
        assertThat(ValueLimits.column(METER.requireAttribute("id").type())).isSameAs(ValueLimits.ColumnCheck.NONE);
    }

    @Test
    void aNarrowerIntegerColumnRefusesWhatItCannotHoldBeforeAnySql() {
        InvalidException small = catchThrowableOfType(InvalidException.class, () -> meters.create(Map.of("small", 40_000)));
        assertThat(small.errors()).containsExactly(new FieldError("small", "must be between -32768 and 32767 (smallint)",
                "out_of_range"));
        InvalidException medium = catchThrowableOfType(InvalidException.class,
                () -> meters.create(Map.of("medium", 3_000_000_000L)));
        assertThat(medium.errors()).containsExactly(new FieldError("medium",
                "must be between -2147483648 and 2147483647 (integer)", "out_of_range"));
        assertThat(meters.create(Map.of("small", 32_767, "medium", -2_147_483_648L)).small()).isEqualTo(32_767);
    }

    @Test
    void aBulkCreateReportsEachLimitAtItsInputIndexAndWritesNothing() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> input = new HashMap<>();
            input.put("code", "c" + (i % 1000));
            input.put("amount", BigDecimal.valueOf(i, 2));
            input.put("small", i);
            input.put("count", i);
            inputs.add(input);
        }
        inputs.get(101).put("code", "abcdef");
        inputs.get(202).put("amount", new BigDecimal("10000"));
        inputs.get(303).put("small", 40_000);
        inputs.get(404).put("count", 5_000_000_000L);     // beyond Integer: not converted
        inputs.get(505).put("note", "a\u0000b");
        inputs.get(606).put("tag", "abcd");
        inputs.get(707).put("medium", -3_000_000_000L);
        inputs.get(808).put("reading", new BigDecimal("1e-16384"));
        inputs.get(909).put("day", LocalDate.of(-5000, 1, 1));
        inputs.get(1999).put("tag", "ab    ");             // trailing blanks beyond the length: PostgreSQL cuts them
        InvalidException invalid = catchThrowableOfType(InvalidException.class, () -> meters.createAll(inputs));
        assertThat(invalid.errors()).extracting(FieldError::index, FieldError::field, FieldError::code).containsExactly(
                tuple(101, "code", "max_length"), // the attribute's maxLength (varchar = 5 sets it) and the column's
                tuple(101, "code", "max_length"),
                tuple(202, "amount", "precision"),
                tuple(303, "small", "out_of_range"),
                tuple(404, "count", "invalid"),
                tuple(505, "note", "null_character"),
                tuple(606, "tag", "max_length"),
                tuple(707, "medium", "out_of_range"),
                tuple(808, "reading", "out_of_range"),
                tuple(909, "day", "out_of_range"));
        assertThat(invalid.errors().get(4).message()).startsWith("is invalid:");
        assertThat(rows()).isZero();

        for (int index : List.of(101, 202, 303, 404, 505, 606, 707, 808, 909)) {
            inputs.set(index, Map.of("code", "ok"));
        }
        BulkResult<Meter> written = meters.createAll(inputs, BulkOptions.defaults().returnRecords(false));
        assertThat(written.count()).isEqualTo(2_000);
        assertThat(jdbc.sql("SELECT tag FROM meters WHERE tag IS NOT NULL").query(String.class).single()).isEqualTo("ab ");
    }
}
