package io.ashspring.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ashspring.action.ActionKind;
import io.ashspring.action.Change;
import io.ashspring.action.Validation;

/**
 * A create, update or destroy action: the attributes its input may set, and the changes and
 * validations that run, in declaration order, before its SQL.
 *
 * @param <T> the resource's record type
 * @param <S> the concrete spec
 */
public abstract class ChangingActionSpec<T, S extends ChangingActionSpec<T, S>> extends ActionSpec<T, S> {

    /** {@code null} until {@link #accept} is called: nothing is accepted then. */
    List<String> accept;
    final List<Change<?>> changes = new ArrayList<>();

    ChangingActionSpec(String name, ActionKind kind) {
        super(name, kind);
    }

    /**
     * The attributes the input may set (writable attributes, or a belongs_to key by its attribute
     * name); other input is rejected, naming the action. Without a call, the action accepts none.
     */
    public S accept(String... attributes) {
        if (accept == null) {
            accept = new ArrayList<>();
        }
        accept.addAll(Arrays.asList(attributes));
        return self();
    }

    /** Adds a change; see {@link io.ashspring.action.Changes} for the built-ins. */
    public S change(Change<? super T> change) {
        changes.add(change);
        return self();
    }

    /** Adds a validation; see {@link io.ashspring.action.Validations} for the built-ins. */
    public S validate(Validation<? super T> validation) {
        changes.add(validation);
        return self();
    }
}
