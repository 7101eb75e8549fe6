package io.ashspring.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.CustomIndex;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.Identity;
import io.ashspring.resource.KeyGeneration;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way a write can be rejected becomes an {@link InvalidException} with field errors (field,
 * message, code), and nothing is written: attribute constraints in Java before any SQL, and
 * database constraints mapped back by name.
 */
@PostgresTest
class ConstraintErrorTests {

    @Resource(table = "makers")
    record Maker(
            @PrimaryKey UUID id,
            String name,
            @HasMany List<Widget> widgets) {
    }

    @Resource(table = "widgets")
    @Identity(name = "unique_serial", keys = {"serial", "batch"})
    @Identity(name = "unique_secret", keys = "secret")
    @CheckConstraint(name = "widgets_weight_positive", check = "weight > 0", fields = "weight", message = "must be positive")
    @CustomIndex(fields = "slug", unique = true, message = "is used by another widget")
    record Widget(
            @PrimaryKey UUID id,
            @Attribute(allowNil = false) String name,
            @Attribute(minLength = 2, maxLength = 5) String code,
            @Attribute(match = "[a-z]+(-[a-z]+)*") String slug,
            @Attribute(min = "0", max = "100") Integer score,
            @Attribute(oneOf = {"red", "green"}) String color,
            String serial,
            Integer batch,
            Integer weight,
            @Attribute(sensitive = true, maxLength = 12) String secret,
            @Attribute(sensitive = true) UUID token,
            @BelongsTo Ref<Maker, UUID> maker) {
    }

    /** Its foreign key to widgets restricts deletes; widgets have no relationship back. */
    @Resource(table = "parts")
    record Part(
            @PrimaryKey UUID id,
            @BelongsTo(allowNil = false) @Reference(onDelete = OnDelete.RESTRICT) Ref<Widget, UUID> widget) {
    }

    /** A foreign key checked at commit. */
    @Resource(table = "labels")
    record Label(
            @PrimaryKey UUID id,
            @BelongsTo @Reference(deferrable = Deferrable.INITIALLY_DEFERRED) Ref<Maker, UUID> maker) {
    }

    @Resource(table = "countries")
    record Country(@PrimaryKey(generated = KeyGeneration.NONE) String code, String name) {
    }

    /** The table is made by hand (below) with a NOT NULL column the model allows nil on. */
    @Resource(table = "legacy_notes", migrate = false)
    record LegacyNote(@PrimaryKey UUID id, String title, String body) {
    }

    /** Counts connections taken, to prove that no SQL ran at all. */
    static final class CountingDataSource extends DelegatingDataSource {
        final AtomicInteger connections = new AtomicInteger();

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Maker.class, Widget.class, Part.class, Label.class,
            Country.class, LegacyNote.class);
    static CountingDataSource dataSource;
    static AshRuntime ash;
    static JdbcClient jdbc;
    ResourceService<Maker> makers;
    ResourceService<Widget> widgets;
    ResourceService<Part> parts;
    ResourceService<Label> labels;
    ResourceService<Country> countries;
    ResourceService<LegacyNote> notes;

    @BeforeAll
    static void schema(TestDatabase database) {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("CREATE TABLE legacy_notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text, body text NOT NULL)").update();
        // constraints the model knows nothing about
        jdbc.sql("CREATE UNIQUE INDEX makers_name_by_hand ON makers (lower(name))").update();
        jdbc.sql("ALTER TABLE makers ADD CONSTRAINT makers_name_not_shouting CHECK (name <> upper(name))").update();
        dataSource = new CountingDataSource(database.dataSource());
        ash = AshRuntime.of(REGISTRY, dataSource);
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE makers, widgets, parts, labels, countries, legacy_notes").update();
        makers = ash.service(Maker.class);
        widgets = ash.service(Widget.class);
        parts = ash.service(Part.class);
        labels = ash.service(Label.class);
        countries = ash.service(Country.class);
        notes = ash.service(LegacyNote.class);
    }

    private static InvalidException invalid(Runnable write) {
        InvalidException invalid = catchThrowableOfType(InvalidException.class, write::run);
        assertThat(invalid).as("an InvalidException").isNotNull();
        return invalid;
    }

    private static long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static Map<String, Object> widget(String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        return input;
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        input.put(key, value);
        return input;
    }

    // ---------------------------------------------------------------- checked in Java, before SQL

    @Test
    void attributeConstraintsAreCheckedBeforeAnySqlRuns() {
        Map<String, Object> input = widget("w");
        input.put("code", "abcdef");
        input.put("slug", "Not Valid");
        input.put("score", 101);
        input.put("color", "blue");
        int connectionsBefore = dataSource.connections.get();
        InvalidException invalid = invalid(() -> widgets.create(input));
        assertThat(invalid.errors()).containsExactlyInAnyOrder(
                new FieldError("code", "must be at most 5 characters long", "max_length"),
                new FieldError("slug", "must match the pattern [a-z]+(-[a-z]+)*", "match"),
                new FieldError("score", "must be less than or equal to 100", "max"),
                new FieldError("color", "must be one of red, green", "one_of"));
        assertThat(dataSource.connections.get()).as("connections taken").isEqualTo(connectionsBefore);
        assertThat(rows("widgets")).isZero();
    }

    @Test
    void lowerBoundsAreCheckedToo() {
        InvalidException invalid = invalid(() -> widgets.create(with(with(widget("w"), "code", "a"), "score", -1)));
        assertThat(invalid.errors()).containsExactlyInAnyOrder(
                new FieldError("code", "must be at least 2 characters long", "min_length"),
                new FieldError("score", "must be greater than or equal to 0", "min"));
        assertThat(rows("widgets")).isZero();
        // the bounds themselves are allowed
        Widget ok = widgets.create(with(with(with(widget("w"), "code", "ab"), "score", 0), "color", "red"));
        assertThat(widgets.create(with(with(widget("v"), "code", "abcde"), "score", 100)).score()).isEqualTo(100);
        assertThat(ok.code()).isEqualTo("ab");
    }

    @Test
    void lengthsCountCharactersNotBytesOrUtf16Units() {
        // five emoji: 5 code points, 10 UTF-16 units, 20 bytes
        assertThat(widgets.create(with(widget("w"), "code", "🔥🔥🔥🔥🔥")).code()).isEqualTo("🔥🔥🔥🔥🔥");
        InvalidException invalid = invalid(() -> widgets.create(with(widget("w"), "code", "🔥🔥🔥🔥🔥🔥")));
        assertThat(invalid.errors()).containsExactly(new FieldError("code", "must be at most 5 characters long", "max_length"));
    }

    @Test
    void updatesAreCheckedAgainstTheSameConstraintsAndLeaveTheRowUnchanged() {
        Widget widget = widgets.create(with(widget("w"), "code", "ok"));
        int connectionsBefore = dataSource.connections.get();
        InvalidException invalid = invalid(() -> widgets.update(widget.id(), Map.of("code", "too long", "score", 500)));
        assertThat(invalid.errors()).extracting(FieldError::code).containsExactlyInAnyOrder("max_length", "max");
        assertThat(dataSource.connections.get()).isEqualTo(connectionsBefore);
        assertThat(widgets.get(widget.id()).code()).isEqualTo("ok");
    }

    @Test
    void requiredAttributesMustBePresentNotNullAndNotBlank() {
        Map<String, Object> explicitNull = new HashMap<>();
        explicitNull.put("name", null);
        for (Map<String, Object> input : List.of(Map.<String, Object>of(), explicitNull, Map.<String, Object>of("name", "  \t"))) {
            InvalidException invalid = invalid(() -> widgets.create(input));
            assertThat(invalid.errors()).as("input %s", input).containsExactly(new FieldError("name", "is required", "required"));
        }
        // an update may not clear it either
        Widget widget = widgets.create(widget("w"));
        assertThat(invalid(() -> widgets.update(widget.id(), explicitNull)).errors())
                .containsExactly(new FieldError("name", "is required", "required"));
        assertThat(rows("widgets")).isEqualTo(1);
    }

    @Test
    void allProblemsOfOneInputAreReportedTogether() {
        Map<String, Object> input = new HashMap<>();
        input.put("code", "x");
        input.put("nope", 1);
        input.put("id", UUID.randomUUID());
        InvalidException invalid = invalid(() -> widgets.create(input));
        assertThat(invalid.errors()).containsExactlyInAnyOrder(
                new FieldError("code", "must be at least 2 characters long", "min_length"),
                new FieldError("nope", "is not an attribute of Widget", "unknown_field"),
                new FieldError("id", "cannot be changed", "not_writable"),
                new FieldError("name", "is required", "required"));
    }

    // ---------------------------------------------------------------- mapped from PostgreSQL

    @Test
    void aNotNullColumnTheModelAllowsNilOnIsReportedAsRequired() {
        Map<String, Object> explicitNull = new HashMap<>();
        explicitNull.put("title", "t");
        explicitNull.put("body", null);
        for (Map<String, Object> input : List.of(Map.<String, Object>of("title", "t"), explicitNull)) {
            InvalidException invalid = invalid(() -> notes.create(input));
            assertThat(invalid.errors()).containsExactly(new FieldError("body", "is required", "required"));
            assertThat(invalid.getCause()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) invalid.getCause()).getSQLState()).isEqualTo("23502");
        }
        assertThat(rows("legacy_notes")).isZero();
        assertThat(notes.create(Map.of("title", "t", "body", "b")).body()).isEqualTo("b");
    }

    @Test
    void anIdentityViolationIsReportedOnItsFirstKey() {
        widgets.create(with(with(widget("a"), "serial", "S-1"), "batch", 7));
        widgets.create(with(with(widget("b"), "serial", "S-1"), "batch", 8));
        InvalidException invalid = invalid(() -> widgets.create(with(with(widget("c"), "serial", "S-1"), "batch", 7)));
        assertThat(invalid.errors()).containsExactly(new FieldError("serial", "has already been taken", "unique"));
        assertThat(invalid.resource()).isEqualTo("Widget");
        assertThat(rows("widgets")).isEqualTo(2);
        // and on update
        Widget other = widgets.create(with(with(widget("d"), "serial", "S-2"), "batch", 7));
        assertThat(invalid(() -> widgets.update(other.id(), Map.of("serial", "S-1"))).errors())
                .containsExactly(new FieldError("serial", "has already been taken", "unique"));
        assertThat(widgets.get(other.id()).serial()).isEqualTo("S-2");
    }

    @Test
    void aDuplicatePrimaryKeyIsReportedOnTheKey() {
        countries.create(Map.of("code", "NZ", "name", "New Zealand"));
        InvalidException invalid = invalid(() -> countries.create(Map.of("code", "NZ", "name", "Aotearoa")));
        assertThat(invalid.errors()).containsExactly(new FieldError("code", "has already been taken", "unique"));
        assertThat(countries.get("NZ").name()).isEqualTo("New Zealand");
        assertThat(invalid(() -> countries.create(Map.of("name", "Nowhere"))).errors())
                .containsExactly(new FieldError("code", "is required", "required"));
    }

    @Test
    void aForeignKeyToAMissingRowIsReportedOnTheForeignKeyAttribute() {
        UUID missing = UUID.randomUUID();
        InvalidException invalid = invalid(() -> widgets.create(with(widget("w"), "maker", missing)));
        assertThat(invalid.errors()).containsExactly(new FieldError("makerId", "does not exist", "not_found"));
        assertThat(rows("widgets")).isZero();

        Maker maker = makers.create(Map.of("name", "Acme"));
        Widget widget = widgets.create(with(widget("w"), "makerId", maker.id()));
        assertThat(invalid(() -> widgets.update(widget.id(), Map.of("maker", missing))).errors())
                .containsExactly(new FieldError("makerId", "does not exist", "not_found"));
        assertThat(widgets.get(widget.id()).maker().id()).isEqualTo(maker.id());
    }

    @Test
    void aDeferredForeignKeyCheckedAtCommitIsStillAFieldError() {
        InvalidException invalid = invalid(() -> labels.create(Map.of("maker", UUID.randomUUID())));
        assertThat(invalid.errors()).containsExactly(new FieldError("makerId", "does not exist", "not_found"));
        assertThat(rows("labels")).isZero();
    }

    @Test
    void deletingARowThatIsStillReferencedWouldLeaveRecordsBehind() {
        Maker maker = makers.create(Map.of("name", "Acme"));
        Widget widget = widgets.create(with(widget("w"), "maker", maker.id()));
        // NO ACTION: reported on the has_many relationship that holds the referencing rows
        InvalidException invalid = invalid(() -> makers.destroy(maker.id()));
        assertThat(invalid.errors()).containsExactly(
                new FieldError("widgets", "would leave records behind", "would_leave_records_behind"));
        assertThat(makers.find(maker.id())).isPresent();

        // RESTRICT, with no relationship back: reported on the primary key
        parts.create(Map.of("widget", widget.id()));
        InvalidException restricted = invalid(() -> widgets.destroyRecord(widget));
        assertThat(restricted.errors()).containsExactly(
                new FieldError("id", "would leave records behind", "would_leave_records_behind"));
        assertThat(widgets.find(widget.id())).isPresent();
    }

    @Test
    void aCheckConstraintViolationCarriesItsMessageOnItsField() {
        InvalidException invalid = invalid(() -> widgets.create(with(widget("w"), "weight", 0)));
        assertThat(invalid.errors()).containsExactly(new FieldError("weight", "must be positive", "check"));
        assertThat(rows("widgets")).isZero();
        assertThat(widgets.create(with(widget("w"), "weight", 1)).weight()).isEqualTo(1);
    }

    @Test
    void aCustomUniqueIndexViolationCarriesItsMessage() {
        widgets.create(with(widget("a"), "slug", "blue-widget"));
        InvalidException invalid = invalid(() -> widgets.create(with(widget("b"), "slug", "blue-widget")));
        assertThat(invalid.errors()).containsExactly(new FieldError("slug", "is used by another widget", "unique"));
        assertThat(rows("widgets")).isEqualTo(1);
    }

    @Test
    void violationsOfConstraintsTheModelDoesNotKnowStaySpringDataAccessExceptions() {
        makers.create(Map.of("name", "Acme"));
        Throwable unknownUnique = catchThrowable(() -> makers.create(Map.of("name", "acme")));
        assertThat(unknownUnique).isInstanceOf(DuplicateKeyException.class).isNotInstanceOf(InvalidException.class);
        Throwable unknownCheck = catchThrowable(() -> makers.create(Map.of("name", "LOUD")));
        assertThat(unknownCheck).isInstanceOf(DataIntegrityViolationException.class).isNotInstanceOf(InvalidException.class);
        assertThat(rows("makers")).isEqualTo(1);
    }

    @Test
    void messagesNeverContainTheValueOfASensitiveAttribute() {
        String secret = "hunter2-secret-value";
        InvalidException tooLong = invalid(() -> widgets.create(with(widget("w"), "secret", secret)));
        assertThat(tooLong.errors()).containsExactly(new FieldError("secret", "must be at most 12 characters long", "max_length"));

        String badToken = "token-hunter2";
        InvalidException badUuid = invalid(() -> widgets.create(with(widget("w"), "token", badToken)));
        assertThat(badUuid.errors()).containsExactly(new FieldError("token", "is invalid: expected a UUID", "invalid"));

        widgets.create(with(widget("a"), "secret", "hunter2"));
        InvalidException taken = invalid(() -> widgets.create(with(widget("b"), "secret", "hunter2")));
        assertThat(taken.errors()).containsExactly(new FieldError("secret", "has already been taken", "unique"));
        // PostgreSQL's own detail names the value ("Key (secret)=(hunter2) already exists"): it is left out of the cause
        assertThat(taken.getCause()).hasMessageContaining("unique_secret");

        for (InvalidException invalid : List.of(tooLong, badUuid, taken)) {
            assertNowhere("hunter2", invalid);
        }
    }

    @Test
    void theRowPostgresqlReportsIsLeftOutOfTheErrorAndItsCauses() {
        String secret = "s3cr3t-row-value";
        // not null: PostgreSQL's detail is "Failing row contains (<id>, s3cr3t-row-value, null)"
        InvalidException notNull = invalid(() -> notes.create(Map.of("title", secret)));
        assertThat(notNull.errors()).containsExactly(new FieldError("body", "is required", "required"));
        assertNowhere(secret, notNull);
        SQLException cause = (SQLException) notNull.getCause();
        assertThat(cause.getSQLState()).isEqualTo("23502");
        assertThat(cause.getMessage()).contains("legacy_notes", "body");
        assertThat(cause.getCause()).isNull();

        // check: the same detail, with a sensitive attribute in the row
        InvalidException check = invalid(() -> widgets.create(with(with(widget(secret), "weight", 0), "secret", "hunter2")));
        assertThat(check.errors()).containsExactly(new FieldError("weight", "must be positive", "check"));
        assertNowhere(secret, check);
        assertNowhere("hunter2", check);
        assertThat(((SQLException) check.getCause()).getSQLState()).isEqualTo("23514");
        assertThat(check.getCause()).hasMessageContaining("widgets_weight_positive");
    }

    /** The value appears in no message, text or stack trace of the exception or its causes. */
    private static void assertNowhere(String value, Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(value);
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(value);
            assertThat(t.toString()).doesNotContain(value);
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                assertNowhere(value, sql.getNextException());
            }
        }
        if (error instanceof InvalidException invalid) {
            assertThat(invalid.errors()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(value));
        }
    }
}
