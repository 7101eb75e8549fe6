package io.ashspring.migrate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CustomIndex;
import io.ashspring.resource.Dropped;
import io.ashspring.resource.Extensions;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Renamed;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceModelException;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.ResourceSpec;
import io.ashspring.resource.TableOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Deriving the table model and the migration hints from resources, without a database. */
class TableModelTests {

    @Resource(table = "people")
    record Customer(@PrimaryKey UUID id, String name, String company) {
    }

    @Resource(table = "people")
    record Employee(@PrimaryKey UUID id, String name, String department) {
    }

    @Resource(table = "people")
    record StrictEmployee(@PrimaryKey UUID id, @Attribute(allowNil = false) String name) {
    }

    @Resource(table = "people")
    record NumberedPerson(@PrimaryKey Long id, String name) {
    }

    @Resource(table = "docs")
    @Extensions("pg_trgm")
    @CustomIndex(fields = "title gin_trgm_ops", name = "docs_title_trgm_index", using = "gin")
    record Doc(@PrimaryKey UUID id, String title, @Attribute(citext = true) String author, @Attribute(columnType = "vector(3)") String embedding) {
    }

    @Resource(table = "sketches")
    record Sketch(@PrimaryKey UUID id, @Attribute(columnType = "CITEXT[]") String labels,
                  @Attribute(columnType = "halfvec (8)") String outline, @Attribute(columnType = "varchar(40)") String name) {
    }

    @Resource(table = "articles")
    @Renamed(from = "archive.posts")
    @Dropped({"legacy", "old_code"})
    @TableOptions(createTableOptions = "WITH (fillfactor = 70)", ignoreAttributes = "computed")
    record Article(@PrimaryKey UUID id, @Renamed(from = "title") String headline, @Renamed(from = "oldBody") String body,
                   @BelongsTo @Renamed(from = "writer_id") @Reference(index = true, indexWhere = "not nil") Ref<Customer, UUID> author,
                   String computed) {
    }

    @Resource(table = "configured")
    record Configured(@PrimaryKey UUID id, String name) {
        static void configure(ResourceSpec<Configured> spec) {
            spec.renamedFrom("setup").dropped("gone").extension("ltree").createTableOptions("WITH (fillfactor = 90)");
            spec.attribute("name").renamedFrom("label");
        }
    }

    @Resource(table = "broken")
    @Dropped("name")
    @Renamed(from = "a.b.c")
    record Broken(@PrimaryKey UUID id, @Renamed(from = "name") String name,
                  @BelongsTo @Reference(indexWhere = "not nil") Ref<Customer, UUID> owner) {
    }

    @Resource(table = "versioned_docs")
    record VersionedDoc(@PrimaryKey UUID id, String title, @io.ashspring.resource.Version Long version) {
    }

    private static Table table(TableModel model, String name) {
        return model.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aVersionIsANotNullColumnStartingAtOne() {
        Table table = table(TableModel.from(ResourceRegistry.of(VersionedDoc.class)), "versioned_docs");
        assertThat(table.column("version")).hasValueSatisfying(c -> {
            assertThat(c.type()).isEqualTo("bigint");
            assertThat(c.nullable()).isFalse();
            assertThat(c.defaultSql()).isEqualTo("1");
        });
    }

    @Test
    void resourcesSharingATableMergeIntoOne() {
        TableModel model = TableModel.from(ResourceRegistry.of(Customer.class, Employee.class));
        assertThat(model.tables()).singleElement().satisfies(t -> assertThat(t.columns()).extracting(c -> c.name())
                .containsExactly("id", "name", "company", "department"));
    }

    @Test
    void resourcesSharingATableButDisagreeingAboutItAreAnErrorNamingBoth() {
        MigrationException failure = catchThrowableOfType(MigrationException.class,
                () -> TableModel.from(ResourceRegistry.of(Customer.class, StrictEmployee.class)));
        assertThat(failure.problems()).singleElement().asString()
                .startsWith("StrictEmployee and Customer share the table public.people but declare the column 'name' differently")
                .endsWith("Fix: declare it the same way on both, or on one of them only");
        // a different type is caught earlier, by the registry
        assertThat(catchThrowableOfType(ResourceModelException.class, () -> ResourceRegistry.of(Customer.class, NumberedPerson.class)))
                .hasMessageContaining("shares the table public.people with Customer but column 'id' is bigint here and uuid there");
    }

    @Test
    void extensionsComeFromDeclarationsConfigurationAndWhatColumnsAndIndexesUse() {
        TableModel model = TableModel.from(ResourceRegistry.of(Doc.class), Set.of("uuid-ossp"));
        assertThat(model.extensions()).containsExactly("citext", "pg_trgm", "uuid-ossp", "vector");
    }

    @Test
    void anImpliedExtensionIsFoundWhateverTheCaseSizeOrArrayOfTheColumnType() {
        assertThat(TableModel.from(ResourceRegistry.of(Sketch.class)).extensions()).containsExactly("citext", "vector");
    }

    @Test
    void hintsComeFromAnnotationsOnTheRecordAndItsComponents() {
        ResourceRegistry registry = ResourceRegistry.of(Customer.class, Article.class);
        MigrationHints hints = MigrationHints.from(registry);
        QualifiedName articles = new QualifiedName("public", "articles");
        assertThat(hints.previousTable(articles)).contains(new QualifiedName("archive", "posts"));
        assertThat(hints.previousColumn(articles, "headline", Set.of("title", "x"))).contains("title");
        assertThat(hints.previousColumn(articles, "body", Set.of("old_body"))).as("a camelCase hint finds its column").contains("old_body");
        assertThat(hints.previousColumn(articles, "author_id", Set.of("writer_id"))).contains("writer_id");
        assertThat(hints.previousColumn(articles, "headline", Set.of("x"))).as("a stale hint").isEmpty();
        assertThat(hints.mayDrop(articles, "legacy")).isTrue();
        assertThat(hints.mayDrop(articles, "headline")).isFalse();

        Table table = table(TableModel.from(registry), "articles");
        assertThat(table.createOptions()).isEqualTo("WITH (fillfactor = 70)");
        assertThat(table.columns()).extracting(c -> c.name()).doesNotContain("computed");
        assertThat(table.indexes()).extracting(Index::where).containsExactly("\"author_id\" IS NOT NULL");
    }

    @Test
    void theConfigureHookDeclaresTheSameOptions() {
        ResourceRegistry registry = ResourceRegistry.of(Configured.class);
        MigrationHints hints = MigrationHints.from(registry);
        QualifiedName configured = new QualifiedName("public", "configured");
        assertThat(hints.previousTable(configured)).contains(new QualifiedName("public", "setup"));
        assertThat(hints.previousColumn(configured, "name", Set.of("label"))).contains("label");
        assertThat(hints.mayDrop(configured, "gone")).isTrue();
        TableModel model = TableModel.from(registry);
        assertThat(model.extensions()).containsExactly("ltree");
        assertThat(table(model, "configured").createOptions()).isEqualTo("WITH (fillfactor = 90)");
    }

    @Test
    void wrongHintsAreReportedWithTheirFix() {
        ResourceModelException failure = catchThrowableOfType(ResourceModelException.class,
                () -> ResourceRegistry.of(Customer.class, Broken.class));
        assertThat(failure.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "Broken.@Renamed: names 'a.b.c', which is not a table or schema.table. Fix: write @Renamed(from = \"old_table\") "
                        + "or @Renamed(from = \"old_schema.old_table\")",
                "Broken.name: is @Renamed from 'name', which is its current column. Fix: name the previous column, or remove the hint",
                "Broken.@Dropped: lists 'name', which is still a column of the resource. Fix: remove it from @Dropped, or remove the attribute",
                "Broken.owner: has indexWhere but no index. Fix: set index = true on the reference, or remove indexWhere");
    }

    @Test
    void aModelTakesItsTablesAndExtensionsSorted() {
        TableModel model = new TableModel(List.of(), Set.of("vector", "citext"), Set.of(new QualifiedName("b", "x"),
                new QualifiedName("a", "y")));
        assertThat(model.extensions()).containsExactly("citext", "vector");
        assertThat(model.unmanaged()).containsExactly(new QualifiedName("a", "y"), new QualifiedName("b", "x"));
    }
}
