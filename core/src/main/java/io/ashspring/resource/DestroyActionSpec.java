package io.ashspring.resource;

import io.ashspring.action.ActionKind;

/**
 * A destroy action: {@code spec.destroy("archive").validate(attributeEquals("status", Status.CLOSED))}.
 * Its changes may read the record ({@code changeset.data()}) and register after-action hooks; it
 * accepts no attributes unless told to (they would not be written by a {@code DELETE}).
 *
 * @param <T> the resource's record type
 */
public final class DestroyActionSpec<T> extends ChangingActionSpec<T, DestroyActionSpec<T>> {

    DestroyActionSpec(String name) {
        super(name, ActionKind.DESTROY);
    }
}
