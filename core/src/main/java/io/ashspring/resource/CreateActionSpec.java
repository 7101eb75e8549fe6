package io.ashspring.resource;

import io.ashspring.action.ActionKind;

/**
 * A create action: {@code spec.create("open").accept("subject").change(set("status", Status.OPEN))}.
 *
 * @param <T> the resource's record type
 */
public final class CreateActionSpec<T> extends ChangingActionSpec<T, CreateActionSpec<T>> {

    CreateActionSpec(String name) {
        super(name, ActionKind.CREATE);
    }
}
