package io.ashspring.action;

/**
 * A step of a create, update or destroy action, run before its SQL: reads the input, sets
 * attributes, adds errors, registers after-action hooks. Built-ins come from {@link Changes};
 * anything else is a lambda:
 *
 * <pre>{@code
 * spec.create("open").change((changeset, context) -> changeset.set("status", Status.OPEN));
 * }</pre>
 *
 * @param <T> the resource's record type
 */
@FunctionalInterface
public interface Change<T> {

    /** Applies the change to one run of the action. */
    void change(ActionChangeset<T> changeset, ActionContext context);

    /** This change, applied only when {@code condition} finds no error (Ash's {@code where}). */
    default Change<T> where(Validation<? super T> condition) {
        Change<T> self = this;
        return (changeset, context) -> {
            if (Validations.passes(condition, changeset, context)) {
                self.change(changeset, context);
            }
        };
    }
}
