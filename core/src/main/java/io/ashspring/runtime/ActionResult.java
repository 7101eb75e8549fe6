package io.ashspring.runtime;

import java.util.List;

import io.ashspring.action.ActionKind;

/**
 * What {@link ResourceService#run} returns for any kind of action: the records it read or wrote.
 * A read gives the records it found (any number); a create or update gives the one record as
 * stored; a destroy gives the one record as it was deleted. {@link #record()} is the record of a
 * create, update or destroy; {@link #records()} works for every kind.
 *
 * @param action the action's name
 * @param kind the action's kind
 * @param records the records read, or the one record written
 * @param <T> the resource's record type
 */
public record ActionResult<T>(String action, ActionKind kind, List<T> records) {

    /** Canonical constructor: copies the records. */
    public ActionResult {
        records = List.copyOf(records);
    }

    /**
     * The record a create, update or destroy wrote.
     *
     * @throws IllegalStateException for a read, which returns any number of records
     */
    public T record() {
        if (kind == ActionKind.READ) {
            throw new IllegalStateException(action + " is a read action: it returns " + records.size()
                    + " records; use records()");
        }
        return records.get(0);
    }
}
