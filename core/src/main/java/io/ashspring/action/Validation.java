package io.ashspring.action;

import java.util.List;

import io.ashspring.error.FieldError;

/**
 * A check of a create, update or destroy action, run before its SQL in declaration order with the
 * changes: the errors it returns are added to the changeset, and an action with errors writes
 * nothing. Built-ins come from {@link Validations}; anything else is a lambda:
 *
 * <pre>{@code
 * spec.update("assign").validate((changeset, context) -> changeset.value("representativeId") != null ? List.of()
 *         : List.of(new FieldError("representativeId", "must be present", "present")));
 * }</pre>
 *
 * @param <T> the resource's record type
 */
@FunctionalInterface
public interface Validation<T> extends Change<T> {

    /** The errors of one run of the action; empty when it passes. */
    List<FieldError> validate(ActionChangeset<T> changeset, ActionContext context);

    /** Adds the errors {@link #validate} finds to the changeset. */
    @Override
    default void change(ActionChangeset<T> changeset, ActionContext context) {
        validate(changeset, context).forEach(changeset::addError);
    }

    /**
     * This validation, checked only when {@code condition} passes (Ash's {@code where}):
     * {@code present("closedAt").where(attributeEquals("status", Status.CLOSED))}.
     */
    @Override
    default Validation<T> where(Validation<? super T> condition) {
        Validation<T> self = this;
        return (changeset, context) -> Validations.passes(condition, changeset, context)
                ? self.validate(changeset, context) : List.of();
    }

    /** This validation, checked only when no error was found before it (Ash's {@code only_when_valid?}). */
    default Validation<T> onlyWhenValid() {
        Validation<T> self = this;
        return (changeset, context) -> changeset.isValid() ? self.validate(changeset, context) : List.of();
    }

    /** This validation with another message on each of its errors (the fields and codes stay). */
    default Validation<T> message(String message) {
        Validation<T> self = this;
        return (changeset, context) -> self.validate(changeset, context).stream()
                .map(e -> new FieldError(e.field(), message, e.code())).toList();
    }
}
