package io.ashspring.resource;

import java.util.List;

/** A custom index declared in {@code configure}; see {@link CustomIndex}. */
public final class IndexSpec {

    final List<String> fields;
    String name;
    boolean unique;
    String where;
    String using;
    List<String> include = List.of();
    boolean nullsDistinct = true;
    boolean concurrently;
    String message;

    IndexSpec(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The index name (required when a field is an SQL expression). */
    public IndexSpec name(String value) {
        this.name = value;
        return this;
    }

    /** A unique index. */
    public IndexSpec unique(boolean value) {
        this.unique = value;
        return this;
    }

    /** SQL condition of a partial index. */
    public IndexSpec where(String sql) {
        this.where = sql;
        return this;
    }

    /** The index method (gin, gist, brin, hash...). */
    public IndexSpec using(String method) {
        this.using = method;
        return this;
    }

    /** Non-key columns ({@code INCLUDE}). */
    public IndexSpec include(String... attributes) {
        this.include = List.of(attributes);
        return this;
    }

    /** {@code false}: {@code NULLS NOT DISTINCT}. */
    public IndexSpec nullsDistinct(boolean value) {
        this.nullsDistinct = value;
        return this;
    }

    /** Build with {@code CREATE INDEX CONCURRENTLY}. */
    public IndexSpec concurrently(boolean value) {
        this.concurrently = value;
        return this;
    }

    /** The error message of a unique violation. */
    public IndexSpec message(String text) {
        this.message = text;
        return this;
    }
}
