package io.ashspring.runtime;

import java.math.BigDecimal;
import java.time.Instant;
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
import io.ashspring.fixtures.Status;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.ResourceSpec;
import io.ashspring.resource.Upsert;
import io.ashspring.resource.Version;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.SqlCompiler;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.action.Validations.present;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fast path of bulk creates ({@link PlainCreates}): taken exactly when the action runs nothing
 * per input but its input rules, and then writing the same rows, returning the same records and
 * reporting the same errors, at the same input indexes, as the changeset path.
 */
@PostgresTest
class PlainCreateTests {

    @Resource(table = "plain_shelves")
    record Shelf(@PrimaryKey UUID id, @Attribute(allowNil = false) String label) {
    }

    @Resource(table = "plain_gadgets")
    @Identity(name = "unique_gadget_name", keys = "name")
    record Gadget(
            @PrimaryKey UUID id,
            @Attribute(allowNil = false, maxLength = 40) String name,
            @Attribute(varchar = 8) String code,
            @Attribute(defaultValue = "3", max = "10") Integer rank,
            @Attribute(precision = 8, scale = 2) BigDecimal price,
            Boolean active,
            @Attribute(defaultValue = "open") Status status,
            @BelongsTo Ref<Shelf, UUID> shelf,
            @CreateTimestamp Instant insertedAt,
            @Version Integer version) {

        static void configure(ResourceSpec<Gadget> spec) {
            spec.create("stock").accept("name", "code", "price", "active", "shelf");
            // the same input rules, and a change that does nothing: the changeset path, for comparison
            spec.create("stockEach").accept("name", "code", "price", "active", "shelf").change((changeset, context) -> { });
            spec.create("stockChecked").accept("name", "code").validate(present("code"));
            spec.create("restock").accept("name", "code").upsert().upsertIdentity("unique_gadget_name").upsertFields("code");
        }
    }

    /** A jsonb column does not travel in an array. */
    @Resource(table = "plain_notes")
    record Note(@PrimaryKey UUID id, String title, Map<String, Object> data) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Shelf.class, Gadget.class, Note.class);
    static AshRuntime ash;
    static JdbcClient jdbc;
    static TestDatabase db;
    ResourceService<Gadget> gadgets;
    UUID shelf;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = database;
        ash = Databases.runtime(database, REGISTRY);
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE plain_gadgets, plain_shelves, plain_notes").update();
        gadgets = ash.service(Gadget.class);
        shelf = ash.service(Shelf.class).create(Map.of("label", "top")).id();
    }

    private static PlainCreates<Object> plain(Class<?> type, String action) {
        ResourceModel resource = REGISTRY.resource(type);
        return PlainCreates.of(resource, resource.requireAction(action), new SqlCompiler(REGISTRY::resource)::unnestable);
    }

    /** Inputs of every shape the input rules handle: text and numbers to convert, blanks, the key by relationship. */
    private List<Map<String, Object>> inputs(int count) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = new HashMap<>();
            input.put("name", "Gadget " + i);
            input.put("code", i % 4 == 0 ? "  " : "c" + i);     // blank text is no value
            input.put("active", i % 3 == 0 ? "true" : i % 3 == 1); // converted from text
            if (i % 5 == 0) {
                input.put("shelf", i % 2 == 0 ? Ref.to(shelf) : shelf.toString());
            }
            inputs.add(input);
        }
        return inputs;
    }

    /** The stored rows but their generated key and timestamp, in name order. */
    private static List<Map<String, Object>> stored() {
        return jdbc.sql("SELECT name, code, rank, price, active, status, shelf_id, version FROM plain_gadgets ORDER BY name")
                .query().listOfRows();
    }

    @Test
    void theFastPathIsTakenExactlyWhenTheActionRunsNothingButItsInputRules() {
        assertThat(plain(Gadget.class, "create")).as("the default create").isNotNull();
        assertThat(plain(Gadget.class, "stock")).as("an action accepting some attributes").isNotNull();
        assertThat(plain(Gadget.class, "stockEach")).as("an action with a change").isNull();
        assertThat(plain(Gadget.class, "stockChecked")).as("an action with a validation").isNull();
        assertThat(plain(Gadget.class, "restock")).as("an upserting action").isNull();
        assertThat(plain(Note.class, "create")).as("a jsonb column").isNull();

        BulkWriter<Gadget> writer = new BulkWriter<>(null, null, REGISTRY.resource(Gadget.class), null);
        assertThat(writer.plainCreates(REGISTRY.resource(Gadget.class).requireAction("stock"),
                BulkOptions.defaults().upsert(Upsert.on("unique_gadget_name")))).as("a bulk call that upserts").isNull();
    }

    @Test
    void bothPathsWriteTheSameRowsAndReturnTheRecordsAsStored() {
        List<Map<String, Object>> inputs = inputs(500);
        inputs.get(7).put("price", "12.5"); // rounded to the column's scale by PostgreSQL: that batch returns every column
        BulkResult<Gadget> fast = gadgets.createAll(inputs, BulkOptions.defaults().action("stock"));
        assertThat(fast.count()).isEqualTo(500);
        assertThat(fast.records()).containsExactlyElementsOf(fast.records().stream().map(g -> gadgets.get(g.id())).toList());
        assertThat(fast.records().get(7).price()).isEqualTo(new BigDecimal("12.50"));
        assertThat(fast.records().get(5).shelf()).isEqualTo(Ref.to(shelf));
        assertThat(fast.records().get(4).code()).isNull();
        assertThat(fast.records()).allSatisfy(g -> {
            assertThat(g.rank()).isEqualTo(3);
            assertThat(g.status()).isEqualTo(Status.OPEN);
            assertThat(g.version()).isEqualTo(1);
            assertThat(g.insertedAt()).isNotNull();
        });
        List<Map<String, Object>> fastRows = stored();

        jdbc.sql("TRUNCATE plain_gadgets").update();
        BulkResult<Gadget> each = gadgets.createAll(inputs, BulkOptions.defaults().action("stockEach"));
        assertThat(stored()).isEqualTo(fastRows);
        assertThat(each.records()).extracting(Gadget::name, Gadget::code, Gadget::rank, Gadget::price, Gadget::active,
                Gadget::shelf, Gadget::status, Gadget::version).containsExactlyElementsOf(fast.records().stream()
                .map(g -> org.assertj.core.groups.Tuple.tuple(g.name(), g.code(), g.rank(), g.price(), g.active(),
                        g.shelf(), g.status(), g.version())).toList());
        assertThat(each.outcomes()).isEqualTo(fast.outcomes());
    }

    @Test
    void whenEveryWrittenColumnComesBackAsSentOnlyWhatPostgresFillsIsReturned() {
        StatementCounter counter = new StatementCounter(db.dataSource());
        ResourceService<Gadget> counted = AshRuntime.of(REGISTRY, counter.dataSource()).service(Gadget.class);
        List<Map<String, Object>> inputs = inputs(4);
        inputs.forEach(input -> {
            input.remove("shelf");
            input.remove("code"); // varchar(8): PostgreSQL cuts trailing spaces beyond the length, so it is not sent back as is
        });
        inputs.get(3).put("price", new BigDecimal("1.5"));
        BulkResult<Gadget> result = counted.createAll(inputs, BulkOptions.defaults().action("stock"));
        assertThat(counter.sql()).hasSize(2).allSatisfy(sql -> assertThat(sql).contains("SELECT unnest(?::"));
        assertThat(counter.sql().get(0)).endsWith("RETURNING \"id\", \"code\", \"price\", \"shelf_id\", \"inserted_at\"");
        assertThat(counter.sql().get(1)).contains("RETURNING \"id\", \"name\", \"code\"");
        assertThat(result.records()).containsExactlyElementsOf(result.records().stream().map(g -> gadgets.get(g.id())).toList());
        assertThat(result.records().get(3).price()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void bothPathsReportTheSameErrorsAtTheSameIndexesAndWriteNothing() {
        List<Map<String, Object>> inputs = inputs(300);
        inputs.get(10).put("colour", "red");                   // no such attribute
        inputs.get(20).put("rank", 5);                         // not accepted by stock
        inputs.get(30).remove("name");                         // required
        inputs.get(40).put("name", "x".repeat(41));            // maxLength
        inputs.get(50).put("code", "123456789");               // varchar(8)
        inputs.get(60).put("price", new BigDecimal("1234567")); // numeric(8,2)
        inputs.get(70).put("active", "perhaps");               // not a boolean
        inputs.get(80).put("name", "a\u0000b");                // NUL
        inputs.get(90).put("insertedAt", Instant.now());       // generated, so not accepted
        inputs.get(90).put("name", "  ");                      // and blank, so required
        InvalidException fast = catchThrowableOfType(InvalidException.class,
                () -> gadgets.createAll(inputs, BulkOptions.defaults().action("stock")));
        InvalidException each = catchThrowableOfType(InvalidException.class,
                () -> gadgets.createAll(inputs, BulkOptions.defaults().action("stockEach")));
        assertThat(fast.errors()).isEqualTo(each.errors().stream().map(e -> new FieldError(e.field(),
                e.message().replace("action stockEach", "action stock"), e.code(), e.index())).toList());
        assertThat(fast.errorsByIndex()).containsOnlyKeys(10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(fast.errors()).extracting(FieldError::index, FieldError::field, FieldError::code).contains(
                org.assertj.core.groups.Tuple.tuple(10, "colour", "not_accepted"),
                org.assertj.core.groups.Tuple.tuple(20, "rank", "not_accepted"),
                org.assertj.core.groups.Tuple.tuple(30, "name", "required"),
                org.assertj.core.groups.Tuple.tuple(40, "name", "max_length"),
                org.assertj.core.groups.Tuple.tuple(50, "code", "max_length"),
                org.assertj.core.groups.Tuple.tuple(60, "price", "precision"),
                org.assertj.core.groups.Tuple.tuple(70, "active", "invalid"),
                org.assertj.core.groups.Tuple.tuple(80, "name", "null_character"),
                org.assertj.core.groups.Tuple.tuple(90, "insertedAt", "not_accepted"),
                org.assertj.core.groups.Tuple.tuple(90, "name", "required"));
        assertThat(jdbc.sql("SELECT count(*) FROM plain_gadgets").query(Integer.class).single()).isZero();
    }

    @Test
    void aDefaultCreateAcceptsEveryWritableAttributeAndItsErrorsAreThoseOfSingleCreates() {
        List<Map<String, Object>> inputs = inputs(4);
        inputs.get(0).put("colour", "red");
        inputs.get(1).put("rank", 11);
        inputs.get(3).put("insertedAt", Instant.now());
        InvalidException bulk = catchThrowableOfType(InvalidException.class, () -> gadgets.createAll(inputs));
        List<FieldError> singles = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            InvalidException single = catchThrowableOfType(InvalidException.class, () -> gadgets.create(inputs.get(index)));
            if (single != null) {
                single.errors().forEach(e -> singles.add(e.atIndex(index)));
            }
        }
        assertThat(bulk.errors()).isEqualTo(singles).extracting(FieldError::index, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "unknown_field"), org.assertj.core.groups.Tuple.tuple(1, "max"),
                org.assertj.core.groups.Tuple.tuple(3, "not_writable"));

        jdbc.sql("TRUNCATE plain_gadgets").update(); // the single create of input 2 wrote it
        inputs.get(0).remove("colour");
        inputs.get(1).put("rank", 9);
        inputs.get(3).remove("insertedAt");
        assertThat(gadgets.createAll(inputs).records()).extracting(Gadget::rank).containsExactly(3, 9, 3, 3);
    }

    @Test
    void inputsWritingOtherAttributesGoInTheirOwnStatementWithinTheBatchSize() {
        StatementCounter counter = new StatementCounter(db.dataSource());
        ResourceService<Gadget> counted = AshRuntime.of(REGISTRY, counter.dataSource()).service(Gadget.class);
        List<Map<String, Object>> inputs = inputs(6);
        inputs.forEach(input -> input.remove("shelf"));
        inputs.get(2).put("price", 4);
        BulkResult<Gadget> result = counted.createAll(inputs, BulkOptions.defaults().action("stock").batchSize(2)
                .returnRecords(false));
        assertThat(counter.count()).isEqualTo(4); // [0,1] [2] [3,4] [5]
        assertThat(result.count()).isEqualTo(6);
        assertThat(result.records()).isEmpty();
        assertThat(result.created()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(counter.sql()).noneMatch(sql -> sql.contains("RETURNING"));
        assertThat(stored()).extracting(row -> row.get("name")).hasSize(6);
    }

    @Test
    void aConstraintViolationNamesItsInputIndexAndRollsEveryBatchBack() {
        gadgets.create(Map.of("name", "Gadget 250"));
        jdbc.sql("DELETE FROM plain_shelves").update();
        List<Map<String, Object>> inputs = inputs(400);
        inputs.forEach(input -> input.remove("shelf"));
        InvalidException taken = catchThrowableOfType(InvalidException.class,
                () -> gadgets.createAll(inputs, BulkOptions.defaults().action("stock").batchSize(100)));
        assertThat(taken.errors()).containsExactly(new FieldError("name", "has already been taken", "unique", 250));

        List<Map<String, Object>> missingShelf = inputs(3);
        missingShelf.get(2).put("shelf", UUID.randomUUID());
        missingShelf.get(2).put("name", "Elsewhere");
        InvalidException fk = catchThrowableOfType(InvalidException.class,
                () -> gadgets.createAll(missingShelf.subList(1, 3), BulkOptions.defaults().action("stock")));
        assertThat(fk.errors()).containsExactly(new FieldError("shelfId", "does not exist", "not_found", 1));
        assertThat(jdbc.sql("SELECT count(*) FROM plain_gadgets").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTypeWithoutArraysTakesTheChangesetPathAndStillWorks() {
        ResourceService<Note> notes = ash.service(Note.class);
        BulkResult<Note> result = notes.createAll(List.of(Map.of("title", "a", "data", Map.of("k", 1)), Map.of("title", "b")));
        assertThat(result.records()).extracting(Note::title).containsExactly("a", "b");
        assertThat(notes.get(result.records().get(0).id()).data()).isEqualTo(Map.of("k", 1));
    }
}
