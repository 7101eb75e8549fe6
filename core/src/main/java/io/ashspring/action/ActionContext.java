package io.ashspring.action;

import java.util.Objects;
import java.util.Optional;

/**
 * Who runs an action, handed to every change and validation: the actor (the signed-in user, a
 * system account...), or none. Immutable; give one to a service with
 * {@code tickets.withActor(user)} or {@code tickets.withContext(ActionContext.actor(user))}.
 *
 * <pre>{@code
 * spec.create("open").change((changeset, context) ->
 *         context.actor(User.class).ifPresent(user -> changeset.set("openedById", user.id())));
 * }</pre>
 *
 * It is explicit on purpose: nothing is read from a thread-local. (The tenant joins it when
 * multitenancy comes.)
 */
public final class ActionContext {

    private static final ActionContext NONE = new ActionContext(null);

    private final Object actor;

    private ActionContext(Object actor) {
        this.actor = actor;
    }

    /** No actor. */
    public static ActionContext none() {
        return NONE;
    }

    /** A context whose actor is {@code actor} ({@code null} for none). */
    public static ActionContext actor(Object actor) {
        return actor == null ? NONE : new ActionContext(actor);
    }

    /** The actor, or {@code null} when there is none. */
    public Object actor() {
        return actor;
    }

    /** The actor when it is an instance of {@code type}. */
    public <A> Optional<A> actor(Class<A> type) {
        return type.isInstance(actor) ? Optional.of(type.cast(actor)) : Optional.empty();
    }

    /** This context with another actor. */
    public ActionContext withActor(Object newActor) {
        return actor(newActor);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionContext context && Objects.equals(actor, context.actor);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(actor);
    }

    @Override
    public String toString() {
        return "ActionContext[actor=" + actor + "]";
    }
}
