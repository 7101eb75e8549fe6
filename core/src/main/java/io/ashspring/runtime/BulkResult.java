package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.List;

import io.ashspring.runtime.UpsertResult.Outcome;

/**
 * What a bulk write did.
 *
 * @param records the records written (created or updated; for {@code destroyAll}, as deleted), in
 *        input order for {@code createAll}; empty when {@link BulkOptions#returnRecords} is false
 * @param count how many rows were written
 * @param outcomes for {@code createAll}, what happened to each input, by its index (created,
 *        updated, skipped); empty for {@code updateAll} and {@code destroyAll}
 * @param <T> the resource's record type
 */
public record BulkResult<T>(List<T> records, long count, List<Outcome> outcomes) {

    /** Canonical constructor: copies the lists. */
    public BulkResult {
        records = List.copyOf(records);
        outcomes = List.copyOf(outcomes);
    }

    /** The indexes of the inputs an upsert's condition skipped (nothing written for them). */
    public List<Integer> skipped() {
        return indexes(Outcome.SKIPPED);
    }

    /** The indexes of the inputs that updated a stored record (upserts). */
    public List<Integer> updated() {
        return indexes(Outcome.UPDATED);
    }

    /** The indexes of the inputs that created a record. */
    public List<Integer> created() {
        return indexes(Outcome.CREATED);
    }

    private List<Integer> indexes(Outcome outcome) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == outcome) {
                found.add(i);
            }
        }
        return found;
    }
}
