package io.ashspring.autoconfigure.diagnostics;

import io.ashspring.migrate.SchemaMismatchException;

/**
 * The live database differs from the resources (the startup catalog check): one line per difference,
 * then the fix for the migration mode in use. Ordered before {@link MigrationFailureAnalyzer}, since a
 * schema mismatch is a {@code MigrationException} too.
 */
public class SchemaMismatchFailureAnalyzer extends AshFailureAnalyzer<SchemaMismatchException> {

    @Override
    protected String description(SchemaMismatchException failure) {
        return failure.summary() + ":\n" + String.join("\n",
                failure.differences().stream().map(d -> "  - " + d.describe()).toList());
    }

    @Override
    protected String action(SchemaMismatchException failure) {
        return failure.fix() + " To start without this check meanwhile: ash.migrations.verify-catalog=false.";
    }

    @Override
    public int getOrder() {
        return 5;
    }
}
