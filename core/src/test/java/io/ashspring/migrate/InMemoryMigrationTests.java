package io.ashspring.migrate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.migrate.codegen.InMemoryMigration;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.state.RecordedState;
import io.ashspring.migrate.state.StateFile;
import io.ashspring.migrate.state.StateFolder;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

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
}
