package io.ashspring.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.query.Query;
import io.ashspring.query.QueryInput;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.Identity;
import io.ashspring.resource.KeyGeneration;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.fullText;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.in;
import static io.ashspring.expr.Expressions.like;
import static io.ashspring.expr.Expressions.lt;
import static io.ashspring.expr.Expressions.lower;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Values PostgreSQL cannot take are refused in Java, before any SQL, as a field error (422 for a
 * write, 400 for a filter) naming the resource and the field — never a server error, and never a
 * different value bound in silence. What only PostgreSQL can tell (an index row or a tsvector too
 * large) is mapped back to the field too.
 */
@PostgresTest
class ValueLimitTests {

    @Resource(table = "gauges")
    @Identity(name = "unique_label", keys = "label")
    record Gauge(
            @PrimaryKey UUID id,
            String label,
            String notes,
            List<String> tags,
            Map<String, Object> data,
            @Attribute(precision = 10, scale = 2) BigDecimal amount,
            BigDecimal reading,
            LocalDate day,
            LocalDateTime at,
            Instant seen,
            Double ratio,
            Float level,
            @Attribute(columnType = "varchar(5)") String code) {
    }

    /** A resource whose key is text: a key PostgreSQL cannot hold cannot exist. */
    @Resource(table = "codes")
    record Code(@PrimaryKey(generated = KeyGeneration.NONE) String code, String name) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Gauge.class, Code.class);
    static JdbcClient jdbc;
    static ResourceService<Gauge> gauges;
    static ResourceService<Code> codes;

    @BeforeAll
    static void schema(TestDatabase database) {
        AshRuntime ash = Databases.runtime(database, REGISTRY);
        gauges = ash.service(Gauge.class);
        codes = ash.service(Code.class);
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE gauges, codes").update();
    }

    private static Map<String, Object> gauge(String field, Object value) {
        Map<String, Object> input = new HashMap<>();
        input.put("label", "g-" + UUID.randomUUID());
        input.put(field, value);
        return input;
    }

    private static InvalidException invalid(Runnable write) {
        InvalidException invalid = catchThrowableOfType(InvalidException.class, write::run);
        assertThat(invalid).as("an InvalidException").isNotNull();
        return invalid;
    }

    private static InvalidQueryException badFilter(Expr filter) {
        InvalidQueryException invalid = catchThrowableOfType(InvalidQueryException.class,
                () -> gauges.read(Query.all().filter(filter)));
        assertThat(invalid).as("an InvalidQueryException for %s", filter).isNotNull();
        assertThat(invalid.resource()).isEqualTo("Gauge");
        return invalid;
    }

    private static InvalidQueryException badInput(Map<String, ?> filter) {
        InvalidQueryException invalid = catchThrowableOfType(InvalidQueryException.class,
                () -> gauges.read(Query.all().filter(new QueryInput(REGISTRY).filter(gauges.resource(), filter))));
        assertThat(invalid).as("an InvalidQueryException for %s", filter).isNotNull();
        assertThat(invalid.resource()).isEqualTo("Gauge");
        return invalid;
    }

    private static long rows() {
        return jdbc.sql("SELECT count(*) FROM gauges").query(Long.class).single();
    }

    // ---------------------------------------------------------------- NUL

    @Test
    void aNulCharacterInAnyTextValueIsAFieldErrorBeforeAnySql() {
        String message = "must not contain the NUL character (\\u0000), which PostgreSQL cannot store in text";
        Map<String, Object> input = gauge("notes", "a\u0000b");
        input.put("tags", List.of("fine", "x\u0000"));
        input.put("code", "\u0000");
        InvalidException invalid = invalid(() -> gauges.create(input));
        assertThat(invalid.resource()).isEqualTo("Gauge");
        assertThat(invalid.errors()).containsExactlyInAnyOrder(
                new FieldError("notes", message, "null_character"),
                new FieldError("tags", message, "null_character"),
                new FieldError("code", message, "null_character"));
        // jsonb refuses \u0000 in a string and in a key; json text that only looks like it is fine
        assertThat(invalid(() -> gauges.create(gauge("data", Map.of("k", "x\u0000y")))).errors())
                .containsExactly(new FieldError("data", message, "null_character"));
        assertThat(invalid(() -> gauges.create(gauge("data", Map.of("k\u0000", 1)))).errors())
                .containsExactly(new FieldError("data", message, "null_character"));
        assertThat(rows()).isZero();
        Gauge stored = gauges.create(gauge("data", Map.of("k", "\\u0000 is an escape")));
        assertThat(stored.data()).containsEntry("k", "\\u0000 is an escape");

        assertThat(invalid(() -> gauges.update(stored.id(), Map.of("label", "a\u0000"))).errors())
                .containsExactly(new FieldError("label", message, "null_character"));
        assertThat(gauges.get(stored.id()).label()).isEqualTo(stored.label());
    }

    @Test
    void aNulCharacterInAFilterValueIsABadQueryNamingTheField() {
        gauges.create(gauge("notes", "n"));
        assertThat(badInput(Map.of("label", "a\u0000")).field()).isEqualTo("label");
        assertThat(badInput(Map.of("notes", Map.of("contains", "\u0000"))).field()).isEqualTo("notes");
        assertThat(badInput(Map.of("notes", Map.of("ilike", "%\u0000%"))).field()).isEqualTo("notes");
        assertThat(badInput(Map.of("notes", Map.of("in", List.of("a", "b\u0000")))).field()).isEqualTo("notes");
        // built in code, not parsed from input: refused all the same
        assertThat(badFilter(eq("label", "a\u0000")).field()).isEqualTo("label");
        assertThat(badFilter(ilike("label", "%\u0000%")).field()).isEqualTo("label");
        assertThat(badFilter(contains("label", "\u0000")).field()).isEqualTo("label");
        assertThat(badFilter(in("label", "a", "\u0000")).field()).isEqualTo("label");
        assertThat(badFilter(eq(lower("label"), "\u0000")).getMessage()).contains("NUL character");
        assertThat(badFilter(fullText("notes", "\u0000")).field()).isEqualTo("notes");
        // a key PostgreSQL cannot hold cannot exist
        assertThat(codes.find("a\u0000")).isEmpty();
    }

    // ---------------------------------------------------------------- LIKE patterns

    @Test
    void aLikePatternEndingInItsEscapeCharacterIsABadQuery() {
        Gauge abcdef = gauges.create(Map.of("label", "abcdef"));
        Gauge backslash = gauges.create(Map.of("label", "abc\\"));
        // PostgreSQL fails only once it meets a text longer than the pattern: here, abcdef
        for (Expr filter : List.of(like("label", "abc\\"), ilike("label", "ABC\\"), like("label", "a\\\\\\"))) {
            InvalidQueryException invalid = badFilter(filter);
            assertThat(invalid.field()).isEqualTo("label");
            assertThat(invalid.getMessage()).contains("must not end with the escape character");
        }
        assertThat(badInput(Map.of("label", Map.of("like", "abc\\"))).field()).isEqualTo("label");
        // an escaped backslash is a backslash; contains escapes everything itself
        assertThat(gauges.read(Query.all().filter(like("label", "abc\\\\")))).containsExactly(backslash);
        assertThat(gauges.read(Query.all().filter(contains("label", "c\\")))).containsExactly(backslash);
        assertThat(gauges.read(Query.all().filter(like("label", "abc%")).sort("label"))).containsExactly(backslash, abcdef);
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void aNumberBeyondTheDeclaredPrecisionIsAFieldErrorNamingThePrecision() {
        FieldError tooLarge = new FieldError("amount", "must have at most 8 digits before the decimal point (numeric(10,2))",
                "precision");
        assertThat(invalid(() -> gauges.create(gauge("amount", new BigDecimal("123456789012345")))).errors())
                .containsExactly(tooLarge);
        // PostgreSQL rounds to the scale first, half away from zero: 99999999.995 becomes 100000000.00
        assertThat(invalid(() -> gauges.create(gauge("amount", "-99999999.995"))).errors()).containsExactly(tooLarge);
        assertThat(rows()).isZero();
        assertThat(gauges.create(gauge("amount", "99999999.994")).amount()).isEqualByComparingTo("99999999.99");
        Gauge small = gauges.create(gauge("amount", "-1.005"));
        assertThat(small.amount()).isEqualByComparingTo("-1.01");
        assertThat(invalid(() -> gauges.update(small.id(), Map.of("amount", 1e9))).errors()).containsExactly(tooLarge);
        // a filter compares with the number as it is: every amount is less than it
        assertThat(gauges.read(Query.all().filter(lt("amount", new BigDecimal("123456789012345"))))).hasSize(2);
        assertThat(gauges.read(Query.all().filter(new QueryInput(REGISTRY).filter(gauges.resource(),
                Map.of("amount", Map.of("gt", "123456789012345")))))).isEmpty();
    }

    @Test
    void numbersOutsidePostgresqlsNumericRangeAreRefusedNotBoundAsZero() {
        gauges.create(gauge("reading", BigDecimal.ZERO));
        BigDecimal huge = new BigDecimal("1E+131072");
        // pgjdbc binds it as 0: the write would store 0 and the filter would find the row holding 0
        assertThat(invalid(() -> gauges.create(gauge("reading", huge))).errors()).containsExactly(new FieldError("reading",
                "must have at most 131072 digits before the decimal point (PostgreSQL's numeric range)", "out_of_range"));
        assertThat(badFilter(eq("reading", huge)).field()).isEqualTo("reading");
        assertThat(badInput(Map.of("reading", "1E+131072")).field()).isEqualTo("reading");
        assertThat(badFilter(gt(lower("label"), huge)).getMessage()).contains("131072 digits");
        // too many digits after the point: PostgreSQL refuses it (a server error until now)
        assertThat(invalid(() -> gauges.create(gauge("reading", "1e-20000"))).errors()).containsExactly(new FieldError(
                "reading", "must have at most 16383 digits after the decimal point (PostgreSQL's numeric range)",
                "out_of_range"));
        assertThat(badFilter(lt("reading", new BigDecimal("1e-20000"))).field()).isEqualTo("reading");
        assertThat(rows()).isEqualTo(1);
        // the limits themselves, and trailing zeros past the scale limit (the same number), are fine
        BigDecimal largest = new BigDecimal("9.99E+131071");
        assertThat(gauges.create(gauge("reading", largest)).reading()).isEqualByComparingTo(largest);
        assertThat(gauges.create(gauge("reading", new BigDecimal("1E-16383"))).reading()).isEqualByComparingTo("1E-16383");
        assertThat(gauges.create(gauge("reading", BigDecimal.ONE.setScale(20000))).reading()).isEqualByComparingTo("1");
    }

    @Test
    void floatingPointInputTooLargeForItsTypeIsRefusedNotMadeInfinite() {
        assertThat(invalid(() -> gauges.create(gauge("level", 1e39))).errors())
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("level", "invalid"));
        assertThat(invalid(() -> gauges.create(gauge("ratio", "1e400"))).errors())
                .extracting(FieldError::field).containsExactly("ratio");
        // NaN and the infinities are values of these types, and JSON writes them as text
        assertThat(gauges.create(gauge("ratio", "NaN")).ratio()).isNaN();
        assertThat(gauges.create(gauge("level", "-Infinity")).level()).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    // ---------------------------------------------------------------- dates and times

    @Test
    void datesAndTimestampsOutsidePostgresqlsRangeAreFieldErrors() {
        FieldError timestamp = new FieldError("at", "must be between 4713 BC and 294276 AD (PostgreSQL's timestamp range)",
                "out_of_range");
        assertThat(invalid(() -> gauges.create(gauge("at", LocalDateTime.of(300000, 1, 1, 0, 0)))).errors())
                .containsExactly(timestamp);
        assertThat(invalid(() -> gauges.create(gauge("at", "+294276-12-31T23:59:59.9999996"))).errors())
                .containsExactly(timestamp);
        assertThat(invalid(() -> gauges.create(gauge("seen", "+300000-01-01T00:00:00Z"))).errors())
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("seen", "out_of_range"));
        assertThat(invalid(() -> gauges.create(gauge("seen", Instant.MAX))).errors()).extracting(FieldError::field)
                .containsExactly("seen");
        // before 4713 BC pgjdbc binds -infinity, silently
        assertThat(invalid(() -> gauges.create(gauge("day", LocalDate.of(-5000, 1, 1)))).errors()).containsExactly(
                new FieldError("day", "must be between 4713 BC and 5874897 AD (PostgreSQL's date range)", "out_of_range"));
        assertThat(invalid(() -> gauges.create(gauge("day", LocalDate.of(5874898, 1, 1)))).errors())
                .extracting(FieldError::field).containsExactly("day");
        assertThat(rows()).isZero();
        assertThat(badFilter(gt("at", LocalDateTime.of(300000, 1, 1, 0, 0))).field()).isEqualTo("at");
        assertThat(badInput(Map.of("day", Map.of("lt", "-5000-01-01"))).field()).isEqualTo("day");

        // the ends of the ranges, and pgjdbc's stand-ins for ±infinity, are stored and read back as given
        Gauge ends = gauges.create(Map.of("label", "ends", "day", LocalDate.of(5874897, 12, 31),
                "at", LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000), "seen", OffsetDateTime.MIN.toInstant()));
        assertThat(gauges.get(ends.id())).isEqualTo(ends);
        assertThat(jdbc.sql("SELECT seen::text FROM gauges WHERE label = 'ends'").query(String.class).single())
                .isEqualTo("-infinity");
        Gauge infinite = gauges.create(Map.of("label", "infinite", "day", LocalDate.MAX, "seen", OffsetDateTime.MAX.toInstant()));
        assertThat(gauges.get(infinite.id()).day()).isEqualTo(LocalDate.MAX);
        assertThat(gauges.read(Query.all().filter(eq("seen", OffsetDateTime.MAX.toInstant())))).containsExactly(infinite);
        assertThat(gauges.read(Query.all().filter(eq("day", LocalDate.of(-4712, 1, 1))))).isEmpty();
    }

    // ---------------------------------------------------------------- declared length

    @Test
    void textLongerThanADeclaredVarcharIsAFieldError() {
        assertThat(invalid(() -> gauges.create(gauge("code", "abcdef"))).errors())
                .containsExactly(new FieldError("code", "must be at most 5 characters long (varchar(5))", "max_length"));
        // PostgreSQL drops spaces beyond the length rather than refusing them
        assertThat(gauges.create(gauge("code", "abcde   ")).code()).isEqualTo("abcde");
    }

    // ---------------------------------------------------------------- limits only PostgreSQL knows

    @Test
    void anIndexRowTooLargeIsAFieldErrorOnTheIndexedField() {
        Random random = new Random(7);
        // random letters do not compress: over a third of a page for the btree (PostgreSQL names the index),
        // then over a whole page (it names nothing: the largest value written is the culprit)
        for (int length : List.of(4_000, 20_000)) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            InvalidException invalid = invalid(() -> gauges.create(Map.of("label", text.toString(), "notes", "short")));
            assertThat(invalid.errors()).as("%d characters", length).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("label");
                assertThat(error.code()).isEqualTo("too_large");
                assertThat(error.message()).startsWith("is too large for PostgreSQL (index row");
            });
            assertThat(invalid.getCause()).hasMessageContaining("SQLSTATE 54000");
        }
        assertThat(rows()).isZero();
    }

    @Test
    void aTextTooLongForTsvectorIsABadQueryNotAServerError() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 2_000_000; i++) {
            words.append("word").append(i).append(' ');
        }
        gauges.create(Map.of("label", "long", "notes", words.toString()));
        InvalidQueryException invalid = catchThrowableOfType(InvalidQueryException.class,
                () -> gauges.read(Query.all().filter(fullText("notes", "word1"))));
        assertThat(invalid).isNotNull();
        assertThat(invalid.resource()).isEqualTo("Gauge");
        assertThat(invalid.getMessage()).contains("exceeds a limit of PostgreSQL: string is too long for tsvector");
        assertThat(invalid.getCause()).hasMessageContaining("SQLSTATE 54000");
    }
}
