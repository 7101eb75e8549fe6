package io.ashspring.resource;

import io.ashspring.action.ActionKind;

/**
 * A create action: {@code spec.create("open").accept("subject").change(set("status", Status.OPEN))}.
 * Declared {@link #upsert()}, it updates the record whose identity the input matches instead of
 * failing: {@code spec.create("register").accept("email", "name").upsert().upsertIdentity("unique_email")}.
 *
 * @param <T> the resource's record type
 */
public final class CreateActionSpec<T> extends ChangingActionSpec<T, CreateActionSpec<T>> {

    /** {@code null} unless the action upserts. */
    Upsert upsert;

    CreateActionSpec(String name) {
        super(name, ActionKind.CREATE);
    }

    /** Makes the action an upsert on the primary key (see {@link #upsertIdentity} for another identity). */
    public CreateActionSpec<T> upsert() {
        if (upsert == null) {
            upsert = Upsert.onPrimaryKey();
        }
        return this;
    }

    /** Upserts on this identity (by name) instead of the primary key. */
    public CreateActionSpec<T> upsertIdentity(String identity) {
        Upsert current = upsert().upsert;
        upsert = new Upsert(identity, current.fields(), current.values(), current.condition());
        return this;
    }

    /** The fields a conflict updates (default: those the input gives or a change sets, but the keys). */
    public CreateActionSpec<T> upsertFields(String... fields) {
        upsert = upsert().upsert.update(fields);
        return this;
    }

    /** On a conflict, sets the field to an expression over the stored row: {@code "logins + excluded(logins)"}. */
    public CreateActionSpec<T> upsertSet(String field, String expression) {
        upsert = upsert().upsert.set(field, expression);
        return this;
    }

    /** Updates only stored rows for which the condition holds; the others are skipped. */
    public CreateActionSpec<T> upsertCondition(String expression) {
        upsert = upsert().upsert.where(expression);
        return this;
    }
}
