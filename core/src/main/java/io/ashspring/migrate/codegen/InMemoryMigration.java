package io.ashspring.migrate.codegen;

import java.util.List;

import io.ashspring.migrate.operation.Operation;
import io.ashspring.migrate.state.RecordedState;

import liquibase.changelog.DatabaseChangeLog;

/**
 * A migration generated in memory, for the {@code generate} startup mode: apply {@link #changelog()}
 * with {@code LiquibaseMigrator}, then keep {@link #stateJson()} as the new recorded state (for example
 * in a table of the database; {@code StateFolder.fold} reads it back).
 *
 * @param changelog the changesets, each with its rollback
 * @param operations the operations, in order
 * @param state the recorded state after the changelog ran
 * @param stateJson the whole state after the changelog ran, as one state file
 * @param warnings what was kept instead of dropped, and other review notes
 */
public record InMemoryMigration(DatabaseChangeLog changelog, List<Operation> operations, RecordedState state,
                                String stateJson, List<String> warnings) {

    /** Canonical constructor: copies. */
    public InMemoryMigration {
        operations = List.copyOf(operations);
        warnings = List.copyOf(warnings);
    }

    /** Whether there is anything to apply. */
    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
