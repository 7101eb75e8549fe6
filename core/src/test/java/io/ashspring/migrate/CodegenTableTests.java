package io.ashspring.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Renamed;
import io.ashspring.resource.Resource;
import io.ashspring.resource.TableOptions;

import static io.ashspring.migrate.CodegenHarness.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Tables (reference §2, "Tables"): create options, drops, renames and schema moves, applied and rolled back. */
class CodegenTableTests extends CodegenTestBase {

    @Resource(table = "measurements")
    @TableOptions(createTableOptions = "PARTITION BY RANGE (taken_at)")
    record Measurement(@PrimaryKey UUID id, @PrimaryKey Instant takenAt, Double value) {
    }

    @Resource(table = "authors")
    record Author(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "books")
    record Book(@PrimaryKey UUID id, String title, @BelongsTo Ref<Author, UUID> author) {
    }

    @Resource(table = "writers")
    @Renamed(from = "authors")
    record Writer(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "books")
    record BookByWriter(@PrimaryKey UUID id, String title, @BelongsTo @Renamed(from = "author_id") Ref<Writer, UUID> writer) {
    }

    @Resource(schema = "archive", table = "authors")
    @Renamed(from = "public.authors")
    record ArchivedAuthor(@PrimaryKey UUID id, String name, String bio) {
    }

    @Resource(table = "books")
    record ArchivedAuthorsBook(@PrimaryKey UUID id, String title, @BelongsTo Ref<ArchivedAuthor, UUID> author) {
    }

    @Test
    void createTableOptionsMakeAPartitionedTable() throws Exception {
        harness.migrate("measurements", Measurement.class);
        assertThat(harness.catalog.snapshot()).contains("table public.measurements p RANGE (taken_at)");
        assertThat(Files.readString(harness.directory.resolve("migrations/20260101000000_measurements.yaml")))
                .contains("PARTITION BY RANGE (taken_at)");
    }

    @Test
    void aRemovedResourceIsNotDroppedWithoutOptInAndNothingIsWritten() throws Exception {
        harness.migrate("library", Author.class, Book.class);
        List<String> before = Files.list(directory.resolve("migrations")).map(Path::toString).toList();
        MigrationException failure = catchThrowableOfType(MigrationException.class, () -> harness.generate("drop", Author.class));
        assertThat(failure.problems()).containsExactly("Would drop the table public.books (its resource is gone). To drop it, "
                + "allow it with allowDrops (-Dash.allowDrops=true), or add @Renamed(from = \"books\") to the resource that now "
                + "holds it. Nothing was written");
        assertThat(Files.list(directory.resolve("migrations")).map(Path::toString).toList()).isEqualTo(before);
    }

    @Test
    void removedResourcesAreDroppedWithAllowDropsDependentsFirst() {
        harness.migrate("library", Author.class, Book.class);
        CodegenResult result = harness.migrate("drop_all", o -> o.withAllowDrops(true));
        List<String> steps = steps(result);
        assertThat(steps).containsExactly("drop foreign key books_author_id_fkey of public.books", "drop table public.authors",
                "drop table public.books");
        assertThat(result.warnings()).contains("drops the table public.books (its resource is gone): its data is lost");
        assertThat(harness.catalog.tableExists("public", "books")).isFalse();
    }

    @Test
    void aDeclinedDropIsRememberedAndNotAskedAgain() throws Exception {
        harness.migrate("library", Author.class, Book.class);
        ScriptedPrompter prompter = new ScriptedPrompter().drop(false);
        CodegenResult declined = harness.generate("keep_books", o -> o.withPrompter(prompter), Author.class);
        assertThat(prompter.asked).containsExactly("Drop the table public.books (its resource is gone)? Its data is lost.");
        assertThat(declined.report()).isEqualTo("No changes detected");
        assertThat(declined.writtenFiles()).singleElement().satisfies(p -> assertThat(Files.readString(p)).contains("\"retained\" : true"));
        ScriptedPrompter silent = new ScriptedPrompter();
        CodegenResult again = harness.generate("again", o -> o.withPrompter(silent), Author.class);
        assertThat(silent.asked).isEmpty();
        assertThat(again.report()).isEqualTo("No changes detected");
    }

    @Test
    void aRenamedTableIsRenamedWithItsKeysAndTheForeignKeysPointingAtIt() {
        harness.migrate("library", Author.class, Book.class);
        long table = harness.catalog.oid("public.authors");
        long foreignKey = harness.catalog.constraintOid("books_author_id_fkey");
        CodegenResult result = harness.migrate("writers", Writer.class, BookByWriter.class);
        assertThat(steps(result)).containsExactly("rename table public.authors to writers",
                "rename column public.books.author_id to writer_id",
                "rename constraint authors_pkey on public.writers to writers_pkey",
                "rename constraint books_author_id_fkey on public.books to books_writer_id_fkey");
        assertThat(harness.catalog.oid("public.writers")).isEqualTo(table);
        assertThat(harness.catalog.constraintOid("books_writer_id_fkey")).isEqualTo(foreignKey);
    }

    @Test
    void aTableMovesToAnotherSchemaAndBackBeforeItsColumnsChangeKeepingForeignKeys() {
        harness.migrate("library", Author.class, Book.class);
        long foreignKey = harness.catalog.constraintOid("books_author_id_fkey");
        CodegenResult moved = harness.migrate("archive", ArchivedAuthor.class, ArchivedAuthorsBook.class);
        assertThat(steps(moved)).containsExactly("create schema archive", "move table public.authors to schema archive",
                "add column archive.authors.bio text");
        assertThat(harness.catalog.constraints("public.books", "f")).containsExactly(
                Map.entry("books_author_id_fkey", "FOREIGN KEY (author_id) REFERENCES archive.authors(id)"));
        assertThat(harness.catalog.constraintOid("books_author_id_fkey")).isEqualTo(foreignKey);
        CodegenResult back = harness.migrate("back", o -> o.withAllowDrops(true), BackAuthor.class, BackBook.class);
        assertThat(steps(back)).containsExactly("move table archive.authors to schema public", "drop column public.authors.bio");
        assertThat(harness.catalog.tableExists("public", "authors")).isTrue();
    }

    @Test
    void aMoveWithoutAHintIsAskedAndDoneWhenConfirmed() {
        harness.migrate("authors", Author.class);
        ScriptedPrompter prompter = new ScriptedPrompter().rename("public.authors");
        CodegenResult moved = harness.migrate("archive", o -> o.withPrompter(prompter), UnhintedArchivedAuthor.class);
        assertThat(prompter.asked).containsExactly("Is the new table archive.authors a rename or move of 'public.authors'?");
        assertThat(steps(moved)).containsExactly("create schema archive", "move table public.authors to schema archive");
    }

    @Test
    void aTableWhoseResourceTurnsMigrateOffIsLeftAloneAndReported() {
        harness.migrate("authors", Author.class);
        CodegenResult result = harness.generate("unmanaged", UnmanagedAuthor.class);
        assertThat(result.report()).isEqualTo("No changes detected");
        assertThat(result.warnings()).containsExactly("skipped public.authors: its resource has migrate = false, so migrations "
                + "leave it alone");
        assertThat(harness.catalog.tableExists("public", "authors")).isTrue();
    }

    @Resource(schema = "archive", table = "authors")
    record UnhintedArchivedAuthor(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "authors", migrate = false)
    record UnmanagedAuthor(@PrimaryKey UUID id, String name, String whatever) {
    }

    @Resource(table = "authors")
    @Renamed(from = "archive.authors")
    record BackAuthor(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "books")
    record BackBook(@PrimaryKey UUID id, String title, @BelongsTo Ref<BackAuthor, UUID> author) {
    }
}
