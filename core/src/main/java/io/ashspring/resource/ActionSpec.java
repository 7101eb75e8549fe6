package io.ashspring.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.ashspring.action.ActionKind;

/**
 * What {@code configure} declares about one action: its name, kind, arguments and whether it is
 * the primary action of its kind. Read once, when the registry is built, into an
 * {@link io.ashspring.resource.model.ActionModel}.
 *
 * @param <T> the resource's record type
 * @param <S> the concrete spec, returned by each method for chaining
 */
public abstract class ActionSpec<T, S extends ActionSpec<T, S>> {

    final String name;
    final ActionKind kind;
    boolean primary;
    final List<ArgumentSpec> arguments = new ArrayList<>();

    ActionSpec(String name, ActionKind kind) {
        this.name = name;
        this.kind = kind;
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    /**
     * Makes this the primary action of its kind: the one {@code ResourceService.create(Map)} (and
     * {@code read}, {@code update}, {@code destroy}) runs, instead of the default. An action named
     * after its kind ({@code create("create")}) is primary too.
     */
    public S primary() {
        this.primary = true;
        return self();
    }

    /** Adds an optional argument of a type the type registry supports. */
    public S argument(String argumentName, Class<?> type) {
        arguments.add(new ArgumentSpec(argumentName, type));
        return self();
    }

    /** Adds an argument with options: {@code argument("reason", String.class, a -> a.allowNil(false))}. */
    public S argument(String argumentName, Class<?> type, Consumer<ArgumentSpec> options) {
        ArgumentSpec argument = new ArgumentSpec(argumentName, type);
        options.accept(argument);
        arguments.add(argument);
        return self();
    }
}
