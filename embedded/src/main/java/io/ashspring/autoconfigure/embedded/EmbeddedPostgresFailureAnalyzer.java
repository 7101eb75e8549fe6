package io.ashspring.autoconfigure.embedded;

import io.ashspring.autoconfigure.diagnostics.AshFailureAnalyzer;

/**
 * Reports an {@link EmbeddedPostgresStartException} as what is wrong with the data directory, the
 * port or the server, and the fix.
 */
class EmbeddedPostgresFailureAnalyzer extends AshFailureAnalyzer<EmbeddedPostgresStartException> {

    @Override
    protected String description(EmbeddedPostgresStartException failure) {
        return failure.description();
    }

    @Override
    protected String action(EmbeddedPostgresStartException failure) {
        return failure.action();
    }

}
