package io.ashspring.action;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;

/**
 * The built-in changes, after Ash's:
 *
 * <pre>{@code
 * spec.create("open").change(set("status", Status.OPEN));
 * spec.update("escalate").change(atomic("priority", "priority + 1"));
 * spec.update("assign").argument("to", UUID.class).change(setFromArgument("representativeId", "to"));
 * }</pre>
 */
public final class Changes {

    private Changes() {
    }

    /** Sets an attribute to a value (converted to its type); an {@link Expr} is an atomic value (update only). */
    public static <T> Change<T> set(String attribute, Object value) {
        return (changeset, context) -> changeset.set(attribute, value);
    }

    /** Sets an attribute to a value computed when the action runs ({@code set("closedAt", Instant::now)}). */
    public static <T> Change<T> set(String attribute, Supplier<?> value) {
        return (changeset, context) -> changeset.set(attribute, value.get());
    }

    /** Sets an attribute only when it has no value yet: neither written by the action nor stored (Ash's {@code set_new_attribute}). */
    public static <T> Change<T> setNew(String attribute, Object value) {
        return (changeset, context) -> {
            if (changeset.attribute(attribute) == null) {
                changeset.set(attribute, value);
            }
        };
    }

    /** Sets an attribute to an argument's value, when the argument has one. */
    public static <T> Change<T> setFromArgument(String attribute, String argument) {
        return (changeset, context) -> {
            Object value = changeset.argument(argument);
            if (value != null) {
                changeset.set(attribute, value);
            }
        };
    }

    /**
     * Sets an attribute to expression text evaluated by PostgreSQL against the row
     * ({@code atomic("priority", "priority + ^arg(by)")}): concurrent runs all count. Update only.
     *
     * @throws io.ashspring.error.ExpressionSyntaxException at declaration, when the text does not parse
     */
    public static <T> Change<T> atomic(String attribute, String expression) {
        Expr value = Expressions.atomic(expression);
        return (changeset, context) -> changeset.set(attribute, value);
    }

    /** Adds {@code amount} to a numeric attribute atomically ({@code priority = priority + amount}). Update only. */
    public static <T> Change<T> increment(String attribute, Number amount) {
        Expr value = Expressions.add(attribute, amount);
        return (changeset, context) -> changeset.set(attribute, value);
    }

    /** Runs after the SQL, in the action's transaction, with the written record (see {@link ActionChangeset#afterAction}). */
    public static <T> Change<T> afterAction(BiConsumer<? super T, ActionContext> hook) {
        return (changeset, context) -> changeset.afterAction(record -> hook.accept(record, context));
    }
}
