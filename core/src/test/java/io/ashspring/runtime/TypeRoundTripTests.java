package io.ashspring.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.fixtures.Address;
import io.ashspring.fixtures.Status;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.Expressions.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Every supported attribute type survives create → PostgreSQL → get unchanged, is stored in the
 * column type the {@link io.ashspring.type.TypeRegistry} names, and accepts loose input.
 *
 * <p>Time values: PostgreSQL keeps microseconds. Values with finer digits come back rounded to the
 * nearest microsecond (see {@link #subMicrosecondDigitsAreRoundedToTheNearestMicrosecond}), so the
 * values used for equality here carry at most microseconds. {@code timestamptz} values come back
 * in UTC: an {@code OffsetDateTime} is the same instant, not the same offset.
 */
@PostgresTest
class TypeRoundTripTests {

    @Resource(table = "everything")
    record Everything(
            @PrimaryKey UUID id,
            UUID externalId,
            String text,
            @Attribute(varchar = 20) String code,
            @Attribute(citext = true) String email,
            Integer count,
            Long big,
            Short small,
            @Attribute(precision = 10, scale = 2) BigDecimal price,
            BigDecimal amount,
            Boolean flag,
            Double ratio,
            Float weight,
            Instant at,
            OffsetDateTime offsetAt,
            LocalDate day,
            LocalTime time,
            LocalDateTime localAt,
            byte[] data,
            Status status,
            Map<String, Object> attributes,
            Address address,
            List<String> tags,
            List<Integer> scores,
            List<UUID> refs,
            List<Status> statuses) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Everything.class);
    static AshRuntime ash;
    static JdbcClient jdbc;
    ResourceService<Everything> service;

    @BeforeAll
    static void schema(TestDatabase database) {
        ash = Databases.runtime(database, REGISTRY);
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE everything").update();
        service = ash.service(Everything.class);
    }

    private static Map<String, Object> fullInput() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "widget");
        attributes.put("size", 3);
        attributes.put("ratio", 0.5);
        attributes.put("enabled", true);
        attributes.put("nested", Map.of("deeper", Map.of("list", List.of(1, "two", Map.of("three", 3)))));
        attributes.put("nothing", null);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("externalId", UUID.fromString("6f1c2b2e-3d4c-4b5a-9e8f-0123456789ab"));
        input.put("text", "plain text with 'quotes' and \\backslashes\\");
        input.put("code", "ABC-123");
        input.put("email", "Ann@Example.com");
        input.put("count", Integer.MIN_VALUE);
        input.put("big", Long.MAX_VALUE);
        input.put("small", Short.MIN_VALUE);
        input.put("price", new BigDecimal("12345678.90"));
        input.put("amount", new BigDecimal("123456789012345678901234567890.123456789012345"));
        input.put("flag", Boolean.TRUE);
        input.put("ratio", 0.1);
        input.put("weight", 3.14f);
        input.put("at", Instant.parse("2024-02-29T23:59:59.123456Z"));
        input.put("offsetAt", OffsetDateTime.parse("2024-03-01T08:30:00.000001+05:30"));
        input.put("day", LocalDate.of(1999, 12, 31));
        input.put("time", LocalTime.of(13, 45, 30, 123_456_000));
        input.put("localAt", LocalDateTime.of(2030, 1, 2, 3, 4, 5, 6_000));
        input.put("data", new byte[] {0, 1, 2, (byte) 0xFF, 0x7F, (byte) 0x80});
        input.put("status", Status.IN_PROGRESS);
        input.put("attributes", attributes);
        input.put("address", new Address("1 Main St", "Springfield", List.of("c/o Ann", "Floor 2")));
        input.put("tags", List.of("red", "green", "with space", "with,comma", "with\"quote"));
        input.put("scores", List.of(1, -2, Integer.MAX_VALUE));
        input.put("refs", List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")));
        input.put("statuses", List.of(Status.OPEN, Status.CLOSED, Status.OPEN));
        return input;
    }

    private Everything roundTrip(Map<String, ?> input) {
        Everything created = service.create(input);
        Everything read = service.get(created.id());
        assertSameValues(read, created);
        return read;
    }

    /** Field by field: arrays by content, decimals by value, timestamps by instant. */
    private static void assertSameValues(Everything actual, Everything expected) {
        ResourceModel model = REGISTRY.resource(Everything.class);
        for (AttributeModel attribute : model.attributes()) {
            Object a = component(actual, attribute);
            Object e = component(expected, attribute);
            assertValue(attribute.name(), a, e);
        }
    }

    private static void assertValue(String name, Object actual, Object expected) {
        if (expected == null) {
            assertThat(actual).as(name).isNull();
        } else if (expected instanceof byte[] bytes) {
            assertThat((byte[]) actual).as(name).containsExactly(bytes);
        } else if (expected instanceof BigDecimal decimal) {
            assertThat((BigDecimal) actual).as(name).isEqualByComparingTo(decimal);
        } else if (expected instanceof OffsetDateTime odt) {
            assertThat(((OffsetDateTime) actual).toInstant()).as(name).isEqualTo(odt.toInstant());
        } else {
            assertThat(actual).as(name).isEqualTo(expected);
        }
    }

    private static Object component(Everything record, AttributeModel attribute) {
        try {
            return Everything.class.getRecordComponents()[attribute.component()].getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everySupportedTypeRoundTripsThroughCreateAndGet() {
        Map<String, Object> input = fullInput();
        Everything stored = roundTrip(input);

        assertThat(stored.id()).isNotNull();
        assertThat(stored.externalId()).isEqualTo(input.get("externalId"));
        assertThat(stored.text()).isEqualTo(input.get("text"));
        assertThat(stored.code()).isEqualTo("ABC-123");
        assertThat(stored.email()).isEqualTo("Ann@Example.com");
        assertThat(stored.count()).isEqualTo(Integer.MIN_VALUE);
        assertThat(stored.big()).isEqualTo(Long.MAX_VALUE);
        assertThat(stored.small()).isEqualTo(Short.MIN_VALUE);
        assertThat(stored.price()).isEqualByComparingTo("12345678.90");
        assertThat(stored.price().scale()).isEqualTo(2);
        assertThat(stored.amount()).isEqualByComparingTo("123456789012345678901234567890.123456789012345");
        assertThat(stored.flag()).isTrue();
        assertThat(stored.ratio()).isEqualTo(0.1);
        assertThat(stored.weight()).isEqualTo(3.14f);
        assertThat(stored.at()).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456Z"));
        assertThat(stored.offsetAt().toInstant()).isEqualTo(Instant.parse("2024-03-01T03:00:00.000001Z"));
        assertThat(stored.offsetAt().getOffset()).as("timestamptz comes back in UTC").isEqualTo(ZoneOffset.UTC);
        assertThat(stored.day()).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(stored.time()).isEqualTo(LocalTime.of(13, 45, 30, 123_456_000));
        assertThat(stored.localAt()).isEqualTo(LocalDateTime.of(2030, 1, 2, 3, 4, 5, 6_000));
        assertThat(stored.data()).containsExactly(0, 1, 2, 0xFF, 0x7F, 0x80);
        assertThat(stored.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(stored.attributes()).containsEntry("name", "widget").containsEntry("size", 3)
                .containsEntry("ratio", 0.5).containsEntry("enabled", true).containsEntry("nothing", null)
                .containsEntry("nested", Map.of("deeper", Map.of("list", List.of(1, "two", Map.of("three", 3)))));
        assertThat(stored.address()).isEqualTo(new Address("1 Main St", "Springfield", List.of("c/o Ann", "Floor 2")));
        assertThat(stored.tags()).containsExactly("red", "green", "with space", "with,comma", "with\"quote");
        assertThat(stored.scores()).containsExactly(1, -2, Integer.MAX_VALUE);
        assertThat(stored.refs()).containsExactly(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        assertThat(stored.statuses()).containsExactly(Status.OPEN, Status.CLOSED, Status.OPEN);

        // stored as PostgreSQL sees them, not as Java strings
        Map<String, Object> raw = jdbc.sql("SELECT status, statuses::text AS statuses, address->>'city' AS city, "
                + "attributes #>> '{nested,deeper,list,2,three}' AS three, encode(data, 'hex') AS hex, price::text AS price "
                + "FROM everything WHERE id = ?").param(stored.id()).query().singleRow();
        assertThat(raw).containsEntry("status", "in_progress").containsEntry("statuses", "{open,closed,open}")
                .containsEntry("city", "Springfield").containsEntry("three", "3").containsEntry("hex", "000102ff7f80")
                .containsEntry("price", "12345678.90");
    }

    @Test
    void everyTypeRoundTripsNullWhetherGivenAsNullOrLeftOut() {
        Map<String, Object> nulls = new HashMap<>();
        for (AttributeModel attribute : REGISTRY.resource(Everything.class).attributes()) {
            if (attribute.writable()) {
                nulls.put(attribute.name(), null);
            }
        }
        assertThat(nulls).hasSize(25);
        for (Map<String, Object> input : List.of(nulls, Map.<String, Object>of())) {
            Everything stored = service.get(service.create(input).id());
            for (AttributeModel attribute : REGISTRY.resource(Everything.class).attributes()) {
                if (!attribute.primaryKey()) {
                    assertThat(component(stored, attribute)).as(attribute.name()).isNull();
                }
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM everything WHERE text IS NULL AND tags IS NULL AND attributes IS NULL "
                + "AND address IS NULL AND data IS NULL").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void unicodeTextRoundTripsInEveryTextualType() {
        String emoji = "Printer 🔥 on fire 👩‍💻";
        String cjk = "打印机着火了 プリンター 프린터";
        String combining = "e\u0301 vs \u00e9, a\u0308, Z\u0335\u0321";
        Map<String, Object> input = new HashMap<>();
        input.put("text", emoji + " " + cjk + " " + combining);
        input.put("code", "🔥打印e\u0301");
        input.put("email", "ÄNN@例え.jp");
        input.put("tags", List.of(emoji, cjk, combining));
        input.put("attributes", Map.of("名前", emoji, "combining", combining));
        input.put("address", new Address(cjk, combining, List.of(emoji)));
        Everything stored = roundTrip(input);
        assertThat(stored.text()).isEqualTo(emoji + " " + cjk + " " + combining);
        assertThat(stored.code()).isEqualTo("🔥打印e\u0301");
        assertThat(stored.email()).isEqualTo("ÄNN@例え.jp");
        assertThat(stored.tags()).containsExactly(emoji, cjk, combining);
        assertThat(stored.attributes()).containsOnly(entry("combining", combining), entry("名前", emoji));
        assertThat(stored.address()).isEqualTo(new Address(cjk, combining, List.of(emoji)));
        // varchar(20) counts characters (code points), as PostgreSQL does
        assertThat(jdbc.sql("SELECT char_length(code) FROM everything").query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void emptyListsAndEmptyJsonStayEmptyNotNull() {
        Map<String, Object> input = new HashMap<>();
        input.put("tags", List.of());
        input.put("scores", List.of());
        input.put("refs", List.of());
        input.put("statuses", List.of());
        input.put("attributes", Map.of());
        input.put("address", new Address(null, null, List.of()));
        input.put("text", "");
        input.put("data", new byte[0]);
        Everything stored = roundTrip(input);
        assertThat(stored.tags()).isNotNull().isEmpty();
        assertThat(stored.scores()).isNotNull().isEmpty();
        assertThat(stored.refs()).isNotNull().isEmpty();
        assertThat(stored.statuses()).isNotNull().isEmpty();
        assertThat(stored.attributes()).isNotNull().isEmpty();
        assertThat(stored.address()).isEqualTo(new Address(null, null, List.of()));
        assertThat(stored.data()).isNotNull().isEmpty();
        // blank text counts as no value (as in Ash)
        assertThat(stored.text()).isNull();
        assertThat(jdbc.sql("SELECT cardinality(tags) FROM everything").query(Integer.class).single()).isZero();
    }

    @Test
    void listsMayHoldNullElements() {
        List<String> tags = new ArrayList<>();
        tags.add("a");
        tags.add(null);
        tags.add("c");
        Everything stored = roundTrip(Map.of("tags", tags));
        assertThat(stored.tags()).containsExactly("a", null, "c");
    }

    @Test
    void subMicrosecondDigitsAreRoundedToTheNearestMicrosecond() {
        // PostgreSQL keeps microseconds: 123456789 ns is stored as 123457 µs, and 123456489 ns as 123456 µs
        Instant up = Instant.parse("2024-01-01T00:00:00.123456789Z");
        Instant down = Instant.parse("2024-01-01T00:00:00.123456489Z");
        Everything roundedUp = service.get(service.create(Map.of("at", up, "time", LocalTime.of(1, 2, 3, 999_999_600),
                "localAt", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500))).id());
        Everything roundedDown = service.get(service.create(Map.of("at", down)).id());
        assertThat(roundedUp.at()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123457Z"));
        assertThat(roundedDown.at()).isEqualTo(down.truncatedTo(ChronoUnit.MICROS));
        assertThat(roundedUp.time()).isEqualTo(LocalTime.of(1, 2, 4));
        assertThat(roundedUp.localAt()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000));
        // a value read from the clock and truncated to microseconds always comes back equal
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertThat(service.get(service.create(Map.of("at", now)).id()).at()).isEqualTo(now);
    }

    @Test
    void columnsHaveTheTypesTheTypeRegistryNames() {
        Map<String, String> expected = new LinkedHashMap<>();
        // attribute → registry SQL type | PostgreSQL's format_type of the created column
        expected.put("id", "uuid|uuid");
        expected.put("externalId", "uuid|uuid");
        expected.put("text", "text|text");
        expected.put("code", "varchar(20)|character varying(20)");
        expected.put("email", "citext|citext");
        expected.put("count", "integer|integer");
        expected.put("big", "bigint|bigint");
        expected.put("small", "smallint|smallint");
        expected.put("price", "numeric(10,2)|numeric(10,2)");
        expected.put("amount", "numeric|numeric");
        expected.put("flag", "boolean|boolean");
        expected.put("ratio", "double precision|double precision");
        expected.put("weight", "real|real");
        expected.put("at", "timestamptz|timestamp with time zone");
        expected.put("offsetAt", "timestamptz|timestamp with time zone");
        expected.put("day", "date|date");
        expected.put("time", "time|time without time zone");
        expected.put("localAt", "timestamp|timestamp without time zone");
        expected.put("data", "bytea|bytea");
        expected.put("status", "text|text");
        expected.put("attributes", "jsonb|jsonb");
        expected.put("address", "jsonb|jsonb");
        expected.put("tags", "text[]|text[]");
        expected.put("scores", "integer[]|integer[]");
        expected.put("refs", "uuid[]|uuid[]");
        expected.put("statuses", "text[]|text[]");

        Map<String, String> actual = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.sql("SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type "
                + "FROM pg_attribute a WHERE a.attrelid = 'public.everything'::regclass AND a.attnum > 0 "
                + "AND NOT a.attisdropped ORDER BY a.attnum").query().listOfRows()) {
            actual.put((String) row.get("attname"), (String) row.get("type"));
        }
        ResourceModel model = REGISTRY.resource(Everything.class);
        assertThat(model.attributes()).extracting(AttributeModel::name).containsExactlyElementsOf(expected.keySet());
        for (AttributeModel attribute : model.attributes()) {
            String[] types = expected.get(attribute.name()).split("\\|");
            assertThat(attribute.type().sqlType()).as("registry type of %s", attribute.name()).isEqualTo(types[0]);
            assertThat(actual.get(attribute.column())).as("column type of %s", attribute.column()).isEqualTo(types[1]);
        }
        assertThat(actual).hasSize(expected.size());

        // PostgreSQL itself reads each registry type name as the type the migration created
        String probe = model.attributes().stream().map(a -> "\"" + a.column() + "\" " + a.type().sqlType())
                .collect(java.util.stream.Collectors.joining(", "));
        jdbc.sql("CREATE TABLE registry_probe (" + probe + ")").update();
        try {
            Map<String, String> direct = new LinkedHashMap<>();
            for (Map<String, Object> row : jdbc.sql("SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type "
                    + "FROM pg_attribute a WHERE a.attrelid = 'public.registry_probe'::regclass AND a.attnum > 0 "
                    + "ORDER BY a.attnum").query().listOfRows()) {
                direct.put((String) row.get("attname"), (String) row.get("type"));
            }
            assertThat(direct).isEqualTo(actual);
        } finally {
            jdbc.sql("DROP TABLE registry_probe").update();
        }
    }

    @Test
    void looseInputIsCoercedToTheAttributeTypes() {
        Map<String, Object> input = new HashMap<>();
        input.put("externalId", "6F1C2B2E-3D4C-4B5A-9E8F-0123456789AB");
        input.put("count", "42");
        input.put("big", 7);
        input.put("small", "3");
        input.put("price", "12.5");
        input.put("amount", 3);
        input.put("flag", "TRUE");
        input.put("ratio", "0.25");
        input.put("weight", 2);
        input.put("at", "2024-01-31T13:45:00Z");
        input.put("offsetAt", "2024-01-31T13:45:00+02:00");
        input.put("day", "2024-01-31");
        input.put("time", "13:45");
        input.put("localAt", "2024-01-31T13:45:00");
        input.put("data", "AAEC/w==");
        input.put("status", "IN_PROGRESS");
        input.put("attributes", Map.of("k", List.of(1, 2)));
        input.put("address", Map.of("street", "Main St", "city", "Springfield", "lines", List.of("a")));
        input.put("tags", List.of("a", 1, true));
        input.put("scores", List.of("1", 2L, new BigDecimal("3")));
        input.put("refs", List.of("00000000-0000-0000-0000-000000000001"));
        input.put("statuses", List.of("open", "CLOSED"));
        Everything stored = roundTrip(input);
        assertThat(stored.externalId()).isEqualTo(UUID.fromString("6f1c2b2e-3d4c-4b5a-9e8f-0123456789ab"));
        assertThat(stored.count()).isEqualTo(42);
        assertThat(stored.big()).isEqualTo(7L);
        assertThat(stored.small()).isEqualTo((short) 3);
        assertThat(stored.price()).isEqualByComparingTo("12.50");
        assertThat(stored.amount()).isEqualByComparingTo("3");
        assertThat(stored.flag()).isTrue();
        assertThat(stored.ratio()).isEqualTo(0.25);
        assertThat(stored.weight()).isEqualTo(2f);
        assertThat(stored.at()).isEqualTo(Instant.parse("2024-01-31T13:45:00Z"));
        assertThat(stored.offsetAt().toInstant()).isEqualTo(Instant.parse("2024-01-31T11:45:00Z"));
        assertThat(stored.day()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(stored.time()).isEqualTo(LocalTime.of(13, 45));
        assertThat(stored.localAt()).isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45));
        assertThat(stored.data()).containsExactly(0, 1, 2, 0xFF);
        assertThat(stored.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(stored.attributes()).containsExactly(entry("k", List.of(1, 2)));
        assertThat(stored.address()).isEqualTo(new Address("Main St", "Springfield", List.of("a")));
        assertThat(stored.tags()).containsExactly("a", "1", "true");
        assertThat(stored.scores()).containsExactly(1, 2, 3);
        assertThat(stored.refs()).containsExactly(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(stored.statuses()).containsExactly(Status.OPEN, Status.CLOSED);
    }

    @Test
    void inputThatCannotBeCoercedIsInvalidNamingEachFieldAndNothingIsWritten() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("externalId", "not-a-uuid");
        input.put("count", "many");
        input.put("big", 1.5);
        input.put("small", 70_000);
        input.put("flag", "yes");
        input.put("day", "31/01/2024");
        input.put("at", "yesterday");
        input.put("status", "pending");
        input.put("address", "1 Main St");
        input.put("tags", "a,b");
        input.put("scores", List.of(1, "two"));
        input.put("data", "***");
        InvalidException invalid = catchThrowableOfType(InvalidException.class, () -> service.create(input));
        assertThat(invalid).isNotNull();
        assertThat(invalid.resource()).isEqualTo("Everything");
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("externalId", "count", "big", "small",
                "flag", "day", "at", "status", "address", "tags", "scores", "data");
        assertThat(invalid.errors()).extracting(FieldError::code).containsOnly("invalid");
        assertThat(invalid.errors()).extracting(FieldError::message).containsExactly(
                "is invalid: expected a UUID",
                "is invalid: expected a number",
                "is invalid: expected a whole number",
                "is invalid: must be between -32768 and 32767",
                "is invalid: expected true or false",
                "is invalid: expected a date (2024-01-31)",
                "is invalid: expected a timestamp with offset (2024-01-31T13:45:00Z)",
                "is invalid: expected one of [open, closed, in_progress]",
                "is invalid: cannot be read as Address",
                "is invalid: expected a list",
                "is invalid: expected a number",
                "is invalid: expected base64 text");
        assertThat(invalid.getMessage()).startsWith("Invalid Everything: externalId is invalid")
                .doesNotContain("not-a-uuid").doesNotContain("many").doesNotContain("yesterday");
        assertThat(jdbc.sql("SELECT count(*) FROM everything").query(Long.class).single()).isZero();
    }

    @Test
    void updatesRoundTripEveryTypeIncludingBackToNull() {
        Everything created = service.create(fullInput());
        Map<String, Object> changes = new HashMap<>();
        changes.put("text", "changed");
        changes.put("price", new BigDecimal("0.01"));
        changes.put("tags", List.of("only"));
        changes.put("attributes", null);
        changes.put("address", Map.of("city", "Shelbyville"));
        changes.put("data", null);
        changes.put("status", "closed");
        changes.put("offsetAt", OffsetDateTime.parse("2000-01-01T00:00:00-08:00"));
        Everything updated = service.update(created.id(), changes);
        assertSameValues(service.get(created.id()), updated);
        assertThat(updated.text()).isEqualTo("changed");
        assertThat(updated.price()).isEqualByComparingTo("0.01");
        assertThat(updated.tags()).containsExactly("only");
        assertThat(updated.attributes()).isNull();
        assertThat(updated.address()).isEqualTo(new Address(null, "Shelbyville", null));
        assertThat(updated.data()).isNull();
        assertThat(updated.status()).isEqualTo(Status.CLOSED);
        assertThat(updated.offsetAt().toInstant()).isEqualTo(Instant.parse("2000-01-01T08:00:00Z"));
        assertThat(updated.big()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void filtersBindValuesAsTheAttributesType() {
        Everything stored = service.create(fullInput());
        service.create(Map.of("text", "other"));
        assertThat(service.read(q -> q.filter(eq("externalId", "6f1c2b2e-3d4c-4b5a-9e8f-0123456789ab"))))
                .extracting(Everything::id).containsExactly(stored.id());
        assertThat(service.read(q -> q.where("email", "ann@EXAMPLE.com"))).extracting(Everything::id).containsExactly(stored.id());
        assertThat(service.read(q -> q.where("day", "1999-12-31"))).extracting(Everything::id).containsExactly(stored.id());
        assertThat(service.read(q -> q.where("status", Status.IN_PROGRESS))).extracting(Everything::id).containsExactly(stored.id());
        assertThat(service.read(q -> q.where("price", "12345678.9"))).extracting(Everything::id).containsExactly(stored.id());
        assertThat(service.read(q -> q.where("at", Instant.parse("2024-02-29T23:59:59.123456Z"))))
                .extracting(Everything::id).containsExactly(stored.id());
        assertThat(service.read(q -> q.where("big", Long.MAX_VALUE))).extracting(Everything::id).containsExactly(stored.id());
    }
}
