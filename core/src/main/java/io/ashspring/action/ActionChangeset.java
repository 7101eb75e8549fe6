package io.ashspring.action;

import java.util.List;
import java.util.function.Consumer;

import io.ashspring.error.FieldError;

/**
 * One run of an action, as its changes and validations see it: the input (accepted attributes,
 * converted; arguments, converted, with their defaults), the record before the action (for
 * update and destroy), the errors found so far, and the hooks to run after the SQL.
 *
 * <pre>{@code
 * spec.update("close")
 *     .argument("reason", String.class, a -> a.allowNil(false))
 *     .change((changeset, context) -> {
 *         if (changeset.attribute("status") == Status.CLOSED) {
 *             changeset.addError("status", "is already closed");
 *         }
 *         changeset.set("status", Status.CLOSED);
 *         changeset.afterAction(ticket -> audit.record(ticket.id(), changeset.argument("reason")));
 *     });
 * }</pre>
 *
 * Changes and validations run in the order they are declared, inside the action's transaction,
 * before its SQL; an action with errors writes nothing and throws an
 * {@code InvalidException} listing them all.
 *
 * @param <T> the resource's record type
 */
public interface ActionChangeset<T> {

    /** The resource's name. */
    String resource();

    /** The action's name. */
    String action();

    /** The action's kind. */
    ActionKind kind();

    /** Who runs the action. */
    ActionContext context();

    /**
     * The value of an argument, converted to its declared type (its default when the input left it
     * out; {@code null} when it has neither).
     *
     * @throws IllegalArgumentException when the action declares no such argument
     */
    Object argument(String name);

    /**
     * The value an attribute will have: the value being written when the action changes it, else
     * the record's current value (update and destroy; {@link #data() loads} the record), else
     * {@code null} (create). An attribute set to an atomic expression gives that
     * {@link io.ashspring.expr.Expr}, since its value is only known once SQL evaluated it.
     *
     * @throws IllegalArgumentException when the resource has no such attribute
     */
    Object attribute(String name);

    /** Whether the action writes this attribute (from input or a change). */
    boolean changing(String name);

    /**
     * An argument's value when the action has an argument of that name, else the attribute's (see
     * {@link #attribute}): what the built-in validations read, so that they apply to either.
     */
    Object value(String field);

    /**
     * The record before the action: for update and destroy, the record given
     * ({@code updateRecord}) or read by its key in the action's transaction, locked
     * ({@code FOR UPDATE}) until it ends, on first use; {@code null} for create.
     */
    T data();

    /**
     * Sets an attribute, converted to its type and checked against its constraints as input is
     * (a problem becomes a field error). In an update, an {@link io.ashspring.expr.Expr} is an
     * atomic value, evaluated by PostgreSQL against the row ({@code priority + 1}).
     *
     * @throws IllegalArgumentException when the resource has no such attribute, or it is (part of)
     *         the primary key or the version
     */
    void set(String attribute, Object value);

    /**
     * Converts a value to the type of a field (an argument, else an attribute): {@code "open"} to
     * {@code Status.OPEN}. Used to compare input with values given in declarations.
     *
     * @throws IllegalArgumentException when the value cannot be converted
     */
    Object convert(String field, Object value);

    /** Adds an error: the action will write nothing and throw an {@code InvalidException}. */
    void addError(FieldError error);

    /** Adds an error on a field, with the code {@code invalid}. */
    default void addError(String field, String message) {
        addError(new FieldError(field, message, "invalid"));
    }

    /** The errors found so far. */
    List<FieldError> errors();

    /** Whether no error was found so far. */
    default boolean isValid() {
        return errors().isEmpty();
    }

    /**
     * Runs after the SQL, in the same transaction, with the written record (for destroy, the
     * record as it was deleted). Throwing rolls the whole action back.
     */
    void afterAction(Consumer<? super T> hook);
}
