package io.ashspring.resource;

/** What PostgreSQL does to referencing rows when the referenced key changes. */
public enum OnUpdate {
    /** {@code NO ACTION} (may be deferred). */
    NOTHING,
    /** {@code RESTRICT}: fails at once. */
    RESTRICT,
    /** {@code CASCADE}: the foreign key follows the new value. */
    UPDATE,
    /** {@code SET NULL}. */
    NILIFY
}
