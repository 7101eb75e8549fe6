package io.ashspring.migrate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.migrate.codegen.InMemoryMigration;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.liquibase.ChangelogBuilder;
import io.ashspring.migrate.state.RecordedState;
import io.ashspring.migrate.state.StateFile;
import io.ashspring.migrate.state.StateFolder;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup {@code generate} mode's building block: a migration in memory, from an empty database
 * or from the state an older version of the resources left, that never drops.
 */
@PostgresTest
class InMemoryMigrationTests {

    @Resource(table = "tasks")
    record TaskV1(@PrimaryKey UUID id, String title, String legacy) {
    }

    @Resource(table = "tasks")
    record TaskV2(@PrimaryKey UUID id, String title, Integer priority) {
    }

    @Resource(table = "labels")
    record Label(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "cards")
    @Identity(name = "unique_title", keys = "title")
    @CheckConstraint(name = "cards_title_not_blank", check = "length(title) > 0", fields = "title")
    record Card(@PrimaryKey UUID id, String title, @BelongsTo Ref<Label, UUID> label) {
    }

    @Test
    void startsFromAnEmptyDatabaseAndLaterFromTheRecordedStateWithoutDropping(TestDatabase database) {
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Catalog catalog = new Catalog(jdbc);

        InMemoryMigration first = MigrationGenerator.inMemory(RecordedState.empty(), ResourceRegistry.of(TaskV1.class), Set.of(),
                "ash/generated", "run1");
        LiquibaseMigrator.apply(database.dataSource(), first.changelog());
        assertThat(catalog.columns("public.tasks")).containsExactly("id uuid not null default gen_random_uuid()", "title text",
                "legacy text");

        // the state is kept as one JSON document (e.g. in a table) and read back at the next start
        RecordedState recorded = StateFolder.fold(List.of(new StateFile("state.json", first.stateJson())));
        InMemoryMigration second = MigrationGenerator.inMemory(recorded, ResourceRegistry.of(TaskV2.class, Label.class), Set.of(),
                "ash/generated", "run2");
        assertThat(second.operations()).extracting(o -> o.describe())
                .containsExactly("create table public.labels", "add column public.tasks.priority integer");
        assertThat(second.warnings()).containsExactly("kept the column public.tasks.legacy although its attribute is gone: "
                + "migrations generated at startup never drop");
        LiquibaseMigrator.apply(database.dataSource(), second.changelog());
        assertThat(catalog.columns("public.tasks")).containsExactly("id uuid not null default gen_random_uuid()", "title text",
                "legacy text", "priority integer");
        assertThat(catalog.tableExists("public", "labels")).isTrue();

        RecordedState after = StateFolder.fold(List.of(new StateFile("state.json", second.stateJson())));
        InMemoryMigration third = MigrationGenerator.inMemory(after, ResourceRegistry.of(TaskV2.class, Label.class), Set.of(),
                "ash/generated", "run3");
        assertThat(third.isEmpty()).isTrue();
    }

    @Test
    void adoptingTakesExistingObjectsAsTheyAreAndCreatesWhatIsMissing() {
        TestDatabase database = TestDatabases.fresh();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Catalog catalog = new Catalog(jdbc);
        // made by hand: the table and its check, not its identity index, nor the labels table and the foreign key
        jdbc.sql("CREATE TABLE cards (id uuid PRIMARY KEY, title text, label_id uuid, "
                + "CONSTRAINT cards_title_not_blank CHECK (length(title) > 0))").update();
        jdbc.sql("INSERT INTO cards (id, title) VALUES (gen_random_uuid(), 'kept')").update();

        InMemoryMigration migration = MigrationGenerator.inMemory(RecordedState.empty(), ResourceRegistry.of(Label.class,
                Card.class), Set.of(), "ash/adopted", "adopt");
        LiquibaseMigrator.apply(database.dataSource(), ChangelogBuilder.adopting("ash/adopted", "adopt", migration.operations()));

        assertThat(jdbc.sql("SELECT title FROM cards").query(String.class).list()).containsExactly("kept");
        assertThat(catalog.tableExists("public", "labels")).isTrue();
        assertThat(catalog.indexes("public", "cards")).containsKey("cards_unique_title_index");
        assertThat(catalog.constraints("public.cards", "f")).containsOnlyKeys("cards_label_id_fkey");
        assertThat(catalog.constraints("public.cards", "c")).containsOnlyKeys("cards_title_not_blank");
        assertThat(jdbc.sql("SELECT comments || ': ' || exectype FROM databasechangelog WHERE filename = 'ash/adopted'")
                .query(String.class).list()).containsExactlyInAnyOrder(
                        "create table public.labels: EXECUTED",
                        "create table public.cards: MARK_RAN",
                        "add unique index cards_unique_title_index on public.cards: EXECUTED",
                        "add check cards_title_not_blank on public.cards: length(title) > 0: MARK_RAN",
                        "add foreign key cards_label_id_fkey public.cards[label_id] -> public.labels[id]: EXECUTED");
    }
}
