package io.ashspring.resource;

/** What an {@link Aggregate} computes over the records of a relationship. */
public enum AggregateKind {
    /** How many records ({@code count(*)}, or {@code count(DISTINCT field)}). */
    COUNT,
    /** Whether there is any record. */
    EXISTS,
    /** The sum of a field. */
    SUM,
    /** The average of a field. */
    AVG,
    /** The smallest value of a field. */
    MIN,
    /** The largest value of a field. */
    MAX,
    /** The field of the first record by the aggregate's sort. */
    FIRST,
    /** The field of every record, as a list, in the aggregate's sort. */
    LIST
}
