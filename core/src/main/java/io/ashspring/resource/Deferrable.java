package io.ashspring.resource;

/** Whether a foreign key may be checked at the end of the transaction instead of each statement. */
public enum Deferrable {
    /** Checked after each statement. */
    NO,
    /** {@code DEFERRABLE INITIALLY IMMEDIATE}: checked after each statement unless a transaction defers it. */
    YES,
    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
    INITIALLY_DEFERRED
}
