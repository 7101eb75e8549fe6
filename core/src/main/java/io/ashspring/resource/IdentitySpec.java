package io.ashspring.resource;

import java.util.List;

/** A unique key declared in {@code configure(ResourceSpec)}; see {@link Identity}. */
public final class IdentitySpec {

    final String name;
    final List<String> keys;
    String where;
    boolean nullsDistinct = true;
    String message;
    String indexName;

    IdentitySpec(String name, List<String> keys) {
        this.name = name;
        this.keys = List.copyOf(keys);
    }

    /** SQL condition of a partial unique index. */
    public IdentitySpec where(String sql) {
        this.where = sql;
        return this;
    }

    /** {@code false}: {@code NULLS NOT DISTINCT} (PostgreSQL 15+). */
    public IdentitySpec nullsDistinct(boolean value) {
        this.nullsDistinct = value;
        return this;
    }

    /** The error message of a violation. */
    public IdentitySpec message(String text) {
        this.message = text;
        return this;
    }

    /** Overrides the unique index name. */
    public IdentitySpec indexName(String name) {
        this.indexName = name;
        return this;
    }
}
