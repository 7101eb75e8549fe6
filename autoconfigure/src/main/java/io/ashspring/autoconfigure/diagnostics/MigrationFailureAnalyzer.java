package io.ashspring.autoconfigure.diagnostics;

import io.ashspring.migrate.MigrationException;

/**
 * The startup migration (or the {@code verify} check) failed. Its message says what and, for the
 * decisions it needs, how each is resolved; the action adds how to start meanwhile.
 */
class MigrationFailureAnalyzer extends AshFailureAnalyzer<MigrationException> {

    @Override
    protected String description(MigrationException failure) {
        return failure.getMessage();
    }

    @Override
    protected String action(MigrationException failure) {
        return (failure.problems().isEmpty() ? "Fix what the description says" : "Resolve each problem listed above")
                + ", then restart. ash.migrations.mode (apply, generate, verify or none) chooses how the schema "
                + "follows the resources at startup: see docs/migrations.md.";
    }

    /** After the analyzer of an unreachable database, which explains a migration that lost its connection better. */
    @Override
    public int getOrder() {
        return 20;
    }
}
