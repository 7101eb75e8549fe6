package io.ashspring.runtime;

import java.util.Objects;

/**
 * What an upsert did: created a record, updated the stored one, or skipped it (the upsert's
 * condition was false for the stored record, which is left as it was).
 *
 * @param outcome created, updated or skipped
 * @param record the record as written; when skipped, the stored record, unchanged
 * @param <T> the resource's record type
 */
public record UpsertResult<T>(Outcome outcome, T record) {

    /** What an upsert (or one input of a bulk create) did. */
    public enum Outcome {
        /** No stored record had the identity: one was inserted. */
        CREATED,
        /** A stored record had the identity: it was updated. */
        UPDATED,
        /** A stored record had the identity but the upsert's condition was false for it: nothing was written. */
        SKIPPED
    }

    /** Canonical constructor: both are required. */
    public UpsertResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(record, "record");
    }

    /** Whether the upsert inserted a new record. */
    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    /** Whether the condition refused the update (nothing written). */
    public boolean skipped() {
        return outcome == Outcome.SKIPPED;
    }
}
