package io.ashspring.autoconfigure.diagnostics;

import io.ashspring.autoconfigure.schema.InvalidMigrationModeException;

/** {@code ash.migrations.mode} names no mode. */
class InvalidMigrationModeFailureAnalyzer extends AshFailureAnalyzer<InvalidMigrationModeException> {

    @Override
    protected String description(InvalidMigrationModeException failure) {
        return "ash.migrations.mode is '" + failure.value() + "', which is not a migration mode.";
    }

    @Override
    protected String action(InvalidMigrationModeException failure) {
        return "Set ash.migrations.mode to apply (run the committed changelogs), generate (migrate from the resources), "
                + "verify (refuse to start while they differ) or none; or remove it to get apply when the master "
                + "changelog exists and generate otherwise.";
    }
}
