package io.ashspring.resource;

/**
 * How a composite foreign key ({@link Reference#matchWith()}) treats rows whose key is partly null.
 * PostgreSQL does not implement {@code MATCH PARTIAL}, so neither does Ash for Spring.
 */
public enum MatchType {
    /** {@code MATCH SIMPLE} (the default): a row with any null key column is not checked. */
    SIMPLE,
    /** {@code MATCH FULL}: all key columns are null, or none is. */
    FULL
}
