package io.ashspring.migrate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.Dropped;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Renamed;
import io.ashspring.resource.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column changes (reference §2, "Columns"), each applied to PostgreSQL, checked in the catalog and
 * rolled back to exactly the schema before.
 */
class CodegenColumnTests extends CodegenTestBase {

    enum Color { RED, DARK_BLUE }

    @Resource(table = "posts")
    record PostV1(@PrimaryKey UUID id, String title, @Attribute(columnType = "varchar(20)") String slug,
                  @Attribute(precision = 10, scale = 2) BigDecimal price) {
    }

    @Resource(table = "posts")
    record PostAddedColumns(@PrimaryKey UUID id, String title, @Attribute(columnType = "varchar(20)") String slug,
                            @Attribute(precision = 10, scale = 2) BigDecimal price,
                            @Attribute(allowNil = false, defaultValue = "0") Integer score,
                            @Attribute(allowNil = false) String author) {
    }

    /** title renamed to name, and made required and longer at the same time. */
    @Resource(table = "posts")
    record PostRenamed(@PrimaryKey UUID id, @Renamed(from = "title") @Attribute(allowNil = false, columnType = "varchar(200)") String name,
                       @Attribute(columnType = "varchar(20)") String slug,
                       @Attribute(precision = 10, scale = 2) BigDecimal price) {
    }

    /** title gone, name new: without a hint this is a question. */
    @Resource(table = "posts")
    record PostNewName(@PrimaryKey UUID id, String name, @Attribute(columnType = "varchar(20)") String slug,
                       @Attribute(precision = 10, scale = 2) BigDecimal price) {
    }

    /** title and slug gone, name new: which one? */
    @Resource(table = "posts")
    record PostOneOfTwo(@PrimaryKey UUID id, String name, @Attribute(precision = 10, scale = 2) BigDecimal price) {
    }

    @Resource(table = "posts")
    record PostResized(@PrimaryKey UUID id, String title, @Attribute(columnType = "varchar(40)") String slug,
                       @Attribute(precision = 12, scale = 4) BigDecimal price) {
    }

    @Resource(table = "posts")
    @Dropped("slug")
    record PostWithoutSlug(@PrimaryKey UUID id, String title, @Attribute(precision = 10, scale = 2) BigDecimal price) {
    }

    @Resource(table = "defaults")
    record Defaults(@PrimaryKey UUID id,
                    @Attribute(defaultValue = "2024-02-29") LocalDate day,
                    @Attribute(defaultValue = "2024-02-29T10:15:30Z") Instant moment,
                    @Attribute(defaultValue = "12.50") BigDecimal amount,
                    @Attribute(defaultValue = "hello") String greeting,
                    @Attribute(defaultValue = "true") Boolean flag,
                    @Attribute(defaultValue = "dark_blue") Color color,
                    @Attribute(sqlDefault = "now()") Instant created) {
    }

    @Resource(table = "pairs")
    record PairV1(@PrimaryKey UUID left, UUID right, String label) {
    }

    @Resource(table = "pairs")
    record PairV2(@PrimaryKey UUID left, @PrimaryKey UUID right, String label) {
    }

    @Resource(table = "counters")
    record CounterIdentity(@PrimaryKey Long id, String label) {
    }

    @Resource(table = "counters")
    record CounterSerial(@PrimaryKey @Attribute(columnType = "bigserial") Long id, String label) {
    }

    @Resource(table = "counters")
    record CounterPlain(@PrimaryKey(generated = io.ashspring.resource.KeyGeneration.NONE) Long id, String label) {
    }

    @Resource(table = "owners")
    record Owner(@PrimaryKey UUID id) {
    }

    @Resource(table = "things")
    record ThingV1(@PrimaryKey UUID id, @BelongsTo Ref<Owner, UUID> owner) {
    }

    @Resource(table = "things")
    record ThingRenamedKey(@PrimaryKey UUID id, @Renamed(from = "owner_id") @BelongsTo Ref<Owner, UUID> keeper) {
    }

    private static java.util.List<String> steps(CodegenResult result) {
        return result.operations().stream().map(Operation::describe).toList();
    }

    @Test
    void addingNonNullColumnsWithAndWithoutADefault() {
        harness.migrate("posts", PostV1.class);
        CodegenResult result = harness.migrate("more", PostAddedColumns.class);
        assertThat(steps(result)).containsExactly("add column public.posts.score integer not null default 0",
                "add column public.posts.author text not null");
        assertThat(result.warnings()).anyMatch(w -> w.contains("NOT NULL column public.posts.author without a default"));
        assertThat(harness.catalog.columns("public.posts")).endsWith("score integer not null default 0", "author text not null");
    }

    @Test
    void aHintedRenameKeepsTheDataAndOtherChangesToTheColumnAreMadeToo() {
        harness.migrate("posts", PostV1.class);
        harness.jdbc.sql("INSERT INTO posts (title) VALUES ('kept')").update();
        CodegenResult result = harness.migrate("rename", PostRenamed.class);
        assertThat(steps(result)).containsExactly("rename column public.posts.title to name",
                "alter column public.posts.name: type text -> varchar(200), not null");
        assertThat(harness.catalog.columns("public.posts")).contains("name character varying(200) not null");
        assertThat(harness.jdbc.sql("SELECT name FROM posts").query(String.class).single()).isEqualTo("kept");
    }

    @Test
    void anUnhintedRenameIsAskedAndDoneWhenConfirmed() {
        harness.migrate("posts", PostV1.class);
        harness.jdbc.sql("INSERT INTO posts (title) VALUES ('kept')").update();
        ScriptedPrompter prompter = new ScriptedPrompter().rename("title");
        CodegenResult result = harness.migrate("rename", o -> o.withPrompter(prompter), PostNewName.class);
        assertThat(prompter.asked).containsExactly("In public.posts, is the new column 'name' a rename of 'title'?");
        assertThat(steps(result)).containsExactly("rename column public.posts.title to name");
        assertThat(harness.jdbc.sql("SELECT name FROM posts").query(String.class).single()).isEqualTo("kept");
    }

    @Test
    void aDeclinedRenameIsAnAddAndADropOnceTheDropIsConfirmed() {
        harness.migrate("posts", PostV1.class);
        ScriptedPrompter prompter = new ScriptedPrompter().rename(null).drop(true);
        CodegenResult result = harness.migrate("replace", o -> o.withPrompter(prompter), PostNewName.class);
        assertThat(prompter.asked).containsExactly("In public.posts, is the new column 'name' a rename of 'title'?",
                "Drop the column public.posts.title (its attribute is gone)? Its data is lost.");
        assertThat(steps(result)).containsExactly("add column public.posts.name text", "drop column public.posts.title");
    }

    @Test
    void withSeveralCandidatesTheAnswerChoosesWhichOneWasRenamed() {
        harness.migrate("posts", PostV1.class);
        ScriptedPrompter prompter = new ScriptedPrompter().rename("slug").drop(true);
        CodegenResult result = harness.migrate("pick", o -> o.withPrompter(prompter), PostOneOfTwo.class);
        assertThat(prompter.renameQuestions.get(0).candidates()).containsExactly("title", "slug");
        assertThat(steps(result)).containsExactly("rename column public.posts.slug to name",
                "alter column public.posts.name: type varchar(20) -> text", "drop column public.posts.title");
    }

    @Test
    void decimalPrecisionAndVarcharSizeChangesTouchOnlyTheirColumns() {
        harness.migrate("posts", PostV1.class);
        CodegenResult result = harness.migrate("resize", PostResized.class);
        assertThat(steps(result)).containsExactly("alter column public.posts.slug: type varchar(20) -> varchar(40)",
                "alter column public.posts.price: type numeric(10,2) -> numeric(12,4)");
        assertThat(harness.catalog.columns("public.posts")).containsExactly("id uuid not null default gen_random_uuid()",
                "title text", "slug character varying(40)", "price numeric(12,4)");
    }

    @Test
    void aColumnDeclaredDroppedIsDroppedWithoutAllowDrops() {
        harness.migrate("posts", PostV1.class);
        CodegenResult result = harness.migrate("drop_slug", PostWithoutSlug.class);
        assertThat(steps(result)).containsExactly("drop column public.posts.slug");
        assertThat(result.warnings()).anyMatch(w -> w.contains("drops the column public.posts.slug (declared with @Dropped)"));
    }

    @Test
    void literalDefaultsOfEveryKindAreQuotedSafely() {
        harness.migrate("defaults", Defaults.class);
        assertThat(harness.catalog.columns("public.defaults")).containsExactly(
                "id uuid not null default gen_random_uuid()",
                "day date default '2024-02-29'::date",
                "moment timestamp with time zone default '2024-02-29 10:15:30+00'::timestamp with time zone",
                "amount numeric default 12.50",
                "greeting text default 'hello'::text",
                "flag boolean default true",
                "color text default 'dark_blue'::text",
                "created timestamp with time zone default now()");
    }

    @Test
    void aCompositePrimaryKeyIsDroppedAndAddedInBothDirections() {
        harness.migrate("pairs", PairV1.class);
        CodegenResult widened = harness.migrate("widen", PairV2.class);
        // a composite key is not generated: left loses its default
        assertThat(steps(widened)).containsExactly("drop primary key pairs_pkey of public.pairs",
                "alter column public.pairs.left: default gen_random_uuid() -> none", "alter column public.pairs.right: not null",
                "add primary key pairs_pkey [left, right] to public.pairs");
        assertThat(harness.catalog.constraints("public.pairs", "p")).containsExactly(Map.entry("pairs_pkey", "PRIMARY KEY (\"left\", \"right\")"));
        CodegenResult narrowed = harness.migrate("narrow", PairV1.class);
        assertThat(steps(narrowed)).containsExactly("drop primary key pairs_pkey of public.pairs",
                "alter column public.pairs.left: default none -> gen_random_uuid()", "alter column public.pairs.right: null allowed",
                "add primary key pairs_pkey [left] to public.pairs");
        assertThat(harness.catalog.constraints("public.pairs", "p")).containsExactly(Map.entry("pairs_pkey", "PRIMARY KEY (\"left\")"));
    }

    @Test
    void integerKeysAreIdentityColumnsAndMoveToAndFromSerialKeepingTheirNumbering() {
        harness.migrate("counters", CounterIdentity.class);
        assertThat(harness.catalog.columns("public.counters")).first().isEqualTo("id bigint not null identity");
        harness.jdbc.sql("INSERT INTO counters (label) VALUES ('a'), ('b')").update();

        CodegenResult toSerial = harness.migrate("to_serial", CounterSerial.class);
        assertThat(steps(toSerial)).containsExactly("alter column public.counters.id: generation IDENTITY -> SERIAL");
        assertThat(harness.catalog.columns("public.counters")).first()
                .isEqualTo("id bigint not null default nextval('counters_id_seq'::regclass)");
        harness.jdbc.sql("INSERT INTO counters (label) VALUES ('c')").update();
        assertThat(harness.jdbc.sql("SELECT id FROM counters WHERE label = 'c'").query(Long.class).single()).isEqualTo(3L);

        CodegenResult toIdentity = harness.migrate("to_identity", CounterIdentity.class);
        assertThat(steps(toIdentity)).containsExactly("alter column public.counters.id: generation SERIAL -> IDENTITY");
        harness.jdbc.sql("INSERT INTO counters (label) VALUES ('d')").update();
        assertThat(harness.jdbc.sql("SELECT id FROM counters WHERE label = 'd'").query(Long.class).single()).isEqualTo(4L);

        CodegenResult toPlain = harness.migrate("to_plain", CounterPlain.class);
        assertThat(steps(toPlain)).containsExactly("alter column public.counters.id: generation IDENTITY -> NONE");
        assertThat(harness.catalog.columns("public.counters")).first().isEqualTo("id bigint not null");
    }

    @Test
    void aTableCreatedWithASerialKeyUsesBigserial() {
        harness.migrate("counters", CounterSerial.class);
        assertThat(harness.catalog.columns("public.counters")).first()
                .isEqualTo("id bigint not null default nextval('counters_id_seq'::regclass)");
    }

    @Test
    void aRenamedForeignKeyColumnKeepsItsForeignKey() {
        harness.migrate("things", Owner.class, ThingV1.class);
        long foreignKey = harness.catalog.constraintOid("things_owner_id_fkey");
        CodegenResult result = harness.migrate("keeper", Owner.class, ThingRenamedKey.class);
        assertThat(steps(result)).containsExactly("rename column public.things.owner_id to keeper_id",
                "rename constraint things_owner_id_fkey on public.things to things_keeper_id_fkey");
        assertThat(harness.catalog.constraintOid("things_keeper_id_fkey")).isEqualTo(foreignKey);
    }
}
