package io.ashspring.resource;

/**
 * Options of one argument of an action: input the action takes besides attributes, converted
 * and checked by the type registry like an attribute's value.
 *
 * <pre>{@code
 * spec.update("close").argument("reason", String.class, a -> a.allowNil(false));
 * spec.update("escalate").argument("by", Integer.class, a -> a.defaultValue(1));
 * }</pre>
 */
public final class ArgumentSpec {

    final String name;
    final Class<?> type;
    boolean allowNil = true;
    Object defaultValue;

    ArgumentSpec(String name, Class<?> type) {
        this.name = name;
        this.type = type;
    }

    /** {@code false}: the argument is required (an input without it, and without a default, is invalid). */
    public ArgumentSpec allowNil(boolean value) {
        this.allowNil = value;
        return this;
    }

    /** The value when the input leaves the argument out, converted to its type. */
    public ArgumentSpec defaultValue(Object value) {
        this.defaultValue = value;
        return this;
    }
}
