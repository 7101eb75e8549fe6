package io.ashspring.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.CodegenResult.Outcome;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.liquibase.ChangelogFormat;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Check, dry run, formats, the master changelog, names, and renames that cannot be decided without a person. */
class CodegenModesTests extends CodegenTestBase {

    @Resource(table = "notes")
    record Note(@PrimaryKey UUID id, String title) {
    }

    @Resource(table = "notes")
    record NoteRetitled(@PrimaryKey UUID id, String heading) {
    }

    @Resource(table = "pages")
    record Page(@PrimaryKey UUID id, String body) {
    }

    private List<Path> files() throws Exception {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void checkReportsPendingOperationsAndWritesNothing() throws Exception {
        CodegenResult result = harness.generator("ignored").check(ResourceRegistry.of(Note.class));
        assertThat(result.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(result.hasChanges()).isTrue();
        assertThat(result.report()).isEqualTo("1 pending migration step:\n  1. create table public.notes");
        assertThat(files()).isEmpty();
    }

    @Test
    void checkReportsNoChangesOnceGenerated() {
        harness.migrate("notes", Note.class);
        CodegenResult result = harness.generator("ignored").check(ResourceRegistry.of(Note.class));
        assertThat(result.outcome()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(result.hasChanges()).isFalse();
        assertThat(result.report()).isEqualTo("No changes detected");
    }

    @Test
    void checkAgainstAStateReadByOtherMeansReportsWhatTheCommittedStateLacks() {
        harness.migrate("notes", Note.class);
        var committed = io.ashspring.migrate.state.StateFolder.fold(
                new io.ashspring.migrate.state.StateDirectory(harness.options("ignored").stateDirectory()).files());
        assertThat(MigrationGenerator.check(committed, ResourceRegistry.of(Note.class), List.of()).outcome())
                .isEqualTo(Outcome.NO_CHANGES);
        CodegenResult pending = MigrationGenerator.check(committed, ResourceRegistry.of(Note.class, Page.class), List.of());
        assertThat(pending.report()).isEqualTo("1 pending migration step:\n  1. create table public.pages");
        // drops are not allowed: a removed table is a decision to make, never a silent pass
        CodegenResult removed = MigrationGenerator.check(committed, ResourceRegistry.of(Page.class), List.of());
        assertThat(removed.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(removed.problems()).singleElement().asString().contains("public.notes");
    }

    @Test
    void checkNeverAsksAndReportsAnAmbiguousRenameAsADecisionToMake() {
        harness.migrate("notes", Note.class);
        ScriptedPrompter prompter = new ScriptedPrompter();
        CodegenResult result = new MigrationGenerator(harness.options("ignored").withPrompter(prompter))
                .check(ResourceRegistry.of(NoteRetitled.class));
        assertThat(prompter.asked).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(result.hasChanges()).isTrue();
        assertThat(result.problems()).containsExactly("In public.notes, the column 'heading' is new and 'title' is gone. If it was "
                + "renamed, add @Renamed(from = \"title\") to its component; if not, add @Dropped(\"title\") to the resource "
                + "(or allow drops with -Dash.allowDrops=true)");
    }

    @Test
    void aNonInteractiveRunFailsOnAnAmbiguousRenameListingTheCandidatesAndWritesNothing() throws Exception {
        harness.migrate("notes", Note.class);
        List<Path> before = files();
        MigrationException failure = catchThrowableOfType(MigrationException.class, () -> harness.generate("heading", NoteRetitled.class));
        assertThat(failure).hasMessageStartingWith("Codegen needs a decision before it can generate anything (nothing was written):")
                .hasMessageContaining("@Renamed(from = \"title\")");
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void allowDropsResolvesAnAmbiguousChangeAsAnAddAndADrop() {
        harness.migrate("notes", Note.class);
        CodegenResult result = harness.migrate("heading", o -> o.withAllowDrops(true), NoteRetitled.class);
        assertThat(result.operations()).extracting(o -> o.describe())
                .containsExactly("add column public.notes.heading text", "drop column public.notes.title");
    }

    @Test
    void aDryRunRendersTheChangelogAndWritesNothing() throws Exception {
        CodegenResult result = harness.generator("first").dryRun(ResourceRegistry.of(Note.class));
        assertThat(result.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(result.changelogText()).startsWith("databaseChangeLog:").contains("tableName: notes");
        assertThat(result.changelogFile()).isEqualTo(directory.resolve("migrations/20260101000000_first.yaml"));
        assertThat(files()).isEmpty();
    }

    @Test
    void xmlChangelogsApplyAndRollBackToo() throws Exception {
        CodegenResult result = harness.migrate("notes", o -> o.withFormat(ChangelogFormat.XML), Note.class);
        assertThat(result.changelogFile().getFileName().toString()).isEqualTo("20260101000000_notes.xml");
        assertThat(Files.readString(result.changelogFile())).contains("<createTable schemaName=\"public\" tableName=\"notes\">",
                "<rollback>");
        assertThat(harness.catalog.tableExists("public", "notes")).isTrue();
    }

    @Test
    void theMasterIsCreatedOnceAndNeverRewritten() throws Exception {
        harness.migrate("notes", Note.class);
        Path master = directory.resolve("db.changelog-master.yaml");
        Files.writeString(master, Files.readString(master) + "# a comment of the team\n");
        CodegenResult second = harness.migrate("pages", Note.class, Page.class);
        assertThat(second.writtenFiles()).doesNotContain(master);
        assertThat(Files.readString(master)).endsWith("# a comment of the team\n");
    }

    @Test
    void aMasterThatDoesNotIncludeTheMigrationsIsReported() throws Exception {
        Files.writeString(directory.resolve("db.changelog-master.yaml"), "databaseChangeLog: []\n");
        CodegenResult result = harness.generate("notes", Note.class);
        assertThat(result.warnings()).anyMatch(w -> w.contains("does not include migrations/"));
    }

    @Test
    void aNameThatCannotBeAFileNameIsRefused() {
        MigrationException failure = catchThrowableOfType(MigrationException.class, () -> harness.generate("add priority!", Note.class));
        assertThat(failure).hasMessage("The migration name 'add priority!' is not usable in a file name: use letters, digits, "
                + "_ and - (e.g. -Dash.name=add_priority)");
        MigrationException missing = catchThrowableOfType(MigrationException.class, () -> harness.generate(null, Note.class));
        assertThat(missing).hasMessageStartingWith("The migration name 'null'");
    }

    @Test
    void aNewRunSortsAfterEveryRecordedRunEvenWhenTheClockIsBehind() throws Exception {
        Files.createDirectories(directory.resolve("ash-state"));
        harness.migrate("notes", Note.class);
        Files.move(directory.resolve("ash-state/20260101000000_notes.json"), directory.resolve("ash-state/20300101000000_notes.json"));
        CodegenResult result = harness.generate("pages", Note.class, Page.class);
        assertThat(result.changelogFile().getFileName().toString()).isEqualTo("20300101000001_pages.yaml");
    }
}
