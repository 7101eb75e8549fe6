package io.ashspring.migrate.model;

/** How a composite foreign key treats rows whose key is partly null. */
public enum MatchType {
    /** {@code MATCH SIMPLE} (the default): a row with any null key column is not checked. */
    SIMPLE,
    /** {@code MATCH FULL}: all key columns are null, or none is. */
    FULL
}
