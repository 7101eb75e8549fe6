package io.ashspring.runtime;

import io.ashspring.resource.Upsert;

/**
 * Options of a bulk write ({@link ResourceService#createAll}, {@link ResourceService#updateAll},
 * {@link ResourceService#destroyAll}):
 *
 * <pre>{@code
 * BulkOptions.defaults().batchSize(5_000).returnRecords(false).upsert(Upsert.on("unique_email"))
 * }</pre>
 *
 * @param action the action to run, or {@code null} for the primary one of the kind
 * @param batchSize how many inputs one {@code INSERT} takes (at least 1)
 * @param returnRecords whether to return the written records ({@code RETURNING}); {@code false}
 *        gives the count only, and saves reading the rows back
 * @param upsert for a create: upsert on an identity instead of inserting (overrides the action's), or {@code null}
 */
public record BulkOptions(String action, int batchSize, boolean returnRecords, Upsert upsert) {

    /** How many inputs one statement takes unless told. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    /** Canonical constructor: the batch size is at least 1. */
    public BulkOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /** The primary action, batches of {@value #DEFAULT_BATCH_SIZE}, records returned, no upsert. */
    public static BulkOptions defaults() {
        return new BulkOptions(null, DEFAULT_BATCH_SIZE, true, null);
    }

    /** Runs this action (by name) instead of the primary one. */
    public BulkOptions action(String name) {
        return new BulkOptions(name, batchSize, returnRecords, upsert);
    }

    /** How many inputs one statement takes. */
    public BulkOptions batchSize(int size) {
        return new BulkOptions(action, size, returnRecords, upsert);
    }

    /** Whether to return the written records; {@code false}: the count only. */
    public BulkOptions returnRecords(boolean value) {
        return new BulkOptions(action, batchSize, value, upsert);
    }

    /** Upserts each input on an identity; see {@link Upsert}. */
    public BulkOptions upsert(Upsert options) {
        return new BulkOptions(action, batchSize, returnRecords, options);
    }
}
