package io.ashspring.resource;

import io.ashspring.action.ActionKind;

/**
 * An update action: {@code spec.update("escalate").change(atomic("priority", "priority + 1"))}.
 *
 * @param <T> the resource's record type
 */
public final class UpdateActionSpec<T> extends ChangingActionSpec<T, UpdateActionSpec<T>> {

    UpdateActionSpec(String name) {
        super(name, ActionKind.UPDATE);
    }
}
