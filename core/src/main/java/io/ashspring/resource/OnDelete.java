package io.ashspring.resource;

/** What PostgreSQL does to referencing rows when the referenced row is deleted. */
public enum OnDelete {
    /** {@code NO ACTION}: the delete fails unless the reference is gone by the end of the check (which may be deferred). */
    NOTHING,
    /** {@code RESTRICT}: the delete fails at once, even when the constraint is deferred. */
    RESTRICT,
    /** {@code CASCADE}: referencing rows are deleted too (in the database: no resource logic runs for them). */
    DELETE,
    /** {@code SET NULL}: the foreign key is set to null; with {@link Reference#nilifyColumns()} only those columns (PostgreSQL 15+). */
    NILIFY
}
