package io.ashspring.error;

import java.util.List;

/**
 * A query uses a function or operator that comes from a PostgreSQL extension the database does not
 * have (PostgreSQL answered {@code undefined_function} or {@code undefined_object}): for example
 * {@code trigram_similarity} needs {@code pg_trgm}, vector distances need {@code vector}
 * (pgvector). This is a set-up problem of the database, not of the request.
 */
public class MissingExtensionException extends AshException {

    private final List<String> extensions;

    /**
     * @param extensions the extensions the query needs (e.g. {@code pg_trgm})
     * @param features what in the query needs them (e.g. {@code trigram_similarity})
     * @param cause the database error
     */
    public MissingExtensionException(List<String> extensions, List<String> features, Throwable cause) {
        super(String.join(", ", features) + " needs the PostgreSQL extension " + String.join(" and ", extensions)
                + ", which this database does not have: install " + String.join(" and ", extensions) + " ("
                + String.join("; ", extensions.stream().map(e -> "CREATE EXTENSION IF NOT EXISTS " + e).toList()) + ")",
                cause);
        this.extensions = List.copyOf(extensions);
    }

    /** The extensions the query needs. */
    public List<String> extensions() {
        return extensions;
    }
}
