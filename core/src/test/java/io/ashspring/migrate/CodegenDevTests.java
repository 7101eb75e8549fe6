package io.ashspring.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.CodegenResult.Outcome;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabases;

import static io.ashspring.migrate.CodegenHarness.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Dev runs ({@code -Dash.dev=true}): throw-away migrations that chain, squashed (and rolled back) by the next named run. */
class CodegenDevTests extends CodegenTestBase {

    @Resource(table = "notes")
    record Note(@PrimaryKey UUID id, String title) {
    }

    @Resource(table = "notes")
    record NoteWithBody(@PrimaryKey UUID id, String title, String body) {
    }

    @Resource(table = "pages")
    record Page(@PrimaryKey UUID id, String body) {
    }

    private CodegenResult dev(String name, Class<?>... resources) {
        return harness.generate(name, o -> o.withDev(true), resources);
    }

    private List<String> files() throws Exception {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).map(p -> directory.relativize(p).toString()).sorted().toList();
        }
    }

    private long ranChangesets(String idPattern) {
        return harness.jdbc.sql("SELECT count(*) FROM databasechangelog WHERE id LIKE :pattern").param("pattern", idPattern)
                .query(Long.class).single();
    }

    @Test
    void devRunsChainAndTheNextNamedRunSquashesThemIntoOneChangelogThatBuildsTheSameSchema() throws Exception {
        CodegenResult first = dev(null, Note.class);
        assertThat(first.changelogFile()).isEqualTo(directory.resolve("migrations/20260101000000_dev.yaml"));
        assertThat(Files.readString(directory.resolve("ash-state/20260101000000_dev.json"))).contains("\"dev\" : true");
        harness.apply();
        CodegenResult second = dev("body", NoteWithBody.class);
        // the second dev run diffs against the state including the first
        assertThat(steps(second)).containsExactly("add column public.notes.body text");
        assertThat(second.changelogFile()).isEqualTo(directory.resolve("migrations/20260101000100_body_dev.yaml"));
        harness.apply();
        List<String> devCatalog = harness.catalog.snapshot();

        CodegenResult named = harness.generate("notes", NoteWithBody.class);

        assertThat(named.outcome()).isEqualTo(Outcome.WRITTEN);
        assertThat(steps(named)).containsExactly("create table public.notes");
        assertThat(Files.readString(named.changelogFile())).contains("name: title", "name: body");
        assertThat(files()).containsExactly("ash-state/20260101000200_notes.json", "db.changelog-master.yaml",
                "migrations/20260101000200_notes.yaml");
        assertThat(Files.readString(directory.resolve("ash-state/20260101000200_notes.json"))).doesNotContain("\"dev\"");
        assertThat(named.devSquash().changelogs())
                .containsExactly("migrations/20260101000000_dev.yaml", "migrations/20260101000100_body_dev.yaml");
        assertThat(named.devSquash().rolledBack()).isNull();
        assertThat(named.devSquash().deleted()).containsExactly(directory.resolve("migrations/20260101000000_dev.yaml"),
                directory.resolve("migrations/20260101000100_body_dev.yaml"), directory.resolve("ash-state/20260101000000_dev.json"),
                directory.resolve("ash-state/20260101000100_body_dev.json"));
        assertThat(named.report()).startsWith("Generated " + named.changelogFile() + " (1 changeset, replacing 2 dev migrations):")
                .contains("Deleted the dev migrations it replaces:\n  - migrations/20260101000000_dev.yaml",
                        "No database was given (-Dash.url), so nothing was rolled back",
                        "./mvnw ash:codegen -Dash.name=notes -Dash.url=jdbc:postgresql://");

        CodegenHarness fresh = new CodegenHarness(directory, TestDatabases.fresh());
        fresh.apply();
        assertThat(fresh.catalog.snapshot()).isEqualTo(devCatalog);
        assertThat(harness.generator("again").generate(ResourceRegistry.of(NoteWithBody.class)).report())
                .isEqualTo(CodegenResult.NO_CHANGES);
    }

    @Test
    void aNamedRunGivenTheDatabaseRollsBackTheDevChangesetsThatRanThereNewestFirstThenItsChangelogApplies() {
        List<String> empty = harness.catalog.snapshot();
        dev(null, Note.class);
        harness.apply();
        dev(null, NoteWithBody.class);
        harness.apply();

        CodegenResult named = harness.generate("notes_and_pages", o -> o.withDatabase(harness.database.dataSource()),
                NoteWithBody.class, Page.class);

        assertThat(steps(named)).containsExactly("create table public.notes", "create table public.pages");
        assertThat(named.devSquash().rolledBack()).containsExactly("20260101000100_dev-1", "20260101000000_dev-1");
        assertThat(named.report()).contains("Rolled back in the database given (newest first): 20260101000100_dev-1, "
                + "20260101000000_dev-1");
        assertThat(harness.catalog.snapshot()).isEqualTo(empty);
        assertThat(ranChangesets("%dev%")).isZero();
        harness.apply();
        assertThat(harness.catalog.columns("public.notes")).containsExactly("id uuid not null default gen_random_uuid()", "title text", "body text");
        assertThat(harness.catalog.tableExists("public", "pages")).isTrue();
    }

    @Test
    void aRollbackThatFailsWritesAndDeletesNothingAndNamesTheChangeset() throws Exception {
        dev(null, Note.class);
        harness.apply();
        dev("body", NoteWithBody.class);
        harness.apply();
        harness.jdbc.sql("CREATE VIEW note_titles AS SELECT id, title FROM notes").update();
        List<String> before = files();

        MigrationException failure = catchThrowableOfType(MigrationException.class,
                () -> harness.generate("notes", o -> o.withDatabase(harness.database.dataSource()), NoteWithBody.class));

        assertThat(failure).hasMessageStartingWith("Could not roll back the dev changeset 20260101000000_dev-1 (create table "
                + "public.notes) of migrations/20260101000000_dev.yaml:")
                .hasMessageContaining("note_titles")
                .hasMessageContaining("Rolled back before it: 20260101000100_body_dev-1; no file was written or deleted");
        assertThat(files()).isEqualTo(before);
        assertThat(ranChangesets("20260101000000_dev-%")).isOne();
        assertThat(ranChangesets("20260101000100_body_dev-%")).isZero();
    }

    @Test
    void checkFailsWhileDevMigrationsExistEvenWhenTheyMatchTheResources() {
        dev(null, Note.class);

        CodegenResult check = harness.generator("ignored").check(ResourceRegistry.of(Note.class));

        assertThat(check.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(check.hasChanges()).isTrue();
        assertThat(check.report()).startsWith("pending: squash 1 dev migration into a named one (./mvnw ash:codegen "
                + "-Dash.name=<what_it_does> -Dash.url=")
                .contains("1 pending migration step:\n  1. create table public.notes",
                        "Dev migrations to squash:\n  - migrations/20260101000000_dev.yaml");
        assertThat(directory.resolve("migrations/20260101000000_dev.yaml")).exists();

        harness.generate("notes", Note.class);
        assertThat(harness.generator("ignored").check(ResourceRegistry.of(Note.class)).outcome()).isEqualTo(Outcome.NO_CHANGES);
    }

    @Test
    void aDryRunShowsTheSquashAndDeletesNothing() throws Exception {
        dev(null, Note.class);
        List<String> before = files();

        CodegenResult dryRun = harness.generator("notes").dryRun(ResourceRegistry.of(Note.class));

        assertThat(dryRun.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(dryRun.report()).contains("(1 changeset, replacing 1 dev migration)",
                "Dev migrations it would replace (and delete):\n  - migrations/20260101000000_dev.yaml");
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aDevRunWithNothingToDoWritesNothing() throws Exception {
        dev(null, Note.class);
        List<String> before = files();

        CodegenResult again = dev(null, Note.class);

        assertThat(again.outcome()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(again.report()).isEqualTo(CodegenResult.NO_CHANGES);
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void devRunsThatLeaveNothingBehindAreDeletedWithoutANamedChangelog() throws Exception {
        harness.migrate("notes", Note.class);
        dev(null, NoteWithBody.class);
        harness.apply();
        harness.generate(null, o -> o.withDev(true).withAllowDrops(true), Note.class);

        CodegenResult named = harness.generate("nothing", Note.class);

        assertThat(named.outcome()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(named.report()).startsWith("The dev migrations made nothing that remains: no named changelog is needed");
        assertThat(files()).containsExactly("ash-state/20260101000000_notes.json", "db.changelog-master.yaml",
                "migrations/20260101000000_notes.yaml");
    }

    @Test
    void aNamedRunMayNotLookLikeADevRun() {
        MigrationException failure = catchThrowableOfType(MigrationException.class, () -> harness.generate("notes_dev", Note.class));
        assertThat(failure).hasMessageContaining("ends in _dev, which marks throw-away dev migrations");
    }
}
