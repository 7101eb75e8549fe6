package io.ashspring.action;

import java.util.Objects;
import java.util.Optional;

import io.ashspring.tenant.TenantName;

/**
 * Who runs an action and for which tenant, handed to every change and validation: the actor (the
 * signed-in user, a system account...) or none, and the tenant or none. Immutable; give one to a
 * service with {@code tickets.withActor(user)}, {@code tickets.forTenant("acme")} or
 * {@code tickets.withContext(ActionContext.actor(user).withTenant("acme"))}.
 *
 * <pre>{@code
 * spec.create("open").change((changeset, context) ->
 *         context.actor(User.class).ifPresent(user -> changeset.set("openedById", user.id())));
 * }</pre>
 *
 * It is explicit on purpose: nothing is read from a thread-local here. (A service without a tenant
 * of its own falls back to {@link io.ashspring.tenant.TenantScope#current()}, per call.)
 */
public final class ActionContext {

    private static final ActionContext NONE = new ActionContext(null, null);

    private final Object actor;
    private final TenantName tenant;

    private ActionContext(Object actor, TenantName tenant) {
        this.actor = actor;
        this.tenant = tenant;
    }

    /** No actor, no tenant. */
    public static ActionContext none() {
        return NONE;
    }

    /** A context whose actor is {@code actor} ({@code null} for none), without a tenant. */
    public static ActionContext actor(Object actor) {
        return actor == null ? NONE : new ActionContext(actor, null);
    }

    /** The actor, or {@code null} when there is none. */
    public Object actor() {
        return actor;
    }

    /** The actor when it is an instance of {@code type}. */
    public <A> Optional<A> actor(Class<A> type) {
        return type.isInstance(actor) ? Optional.of(type.cast(actor)) : Optional.empty();
    }

    /** This context with another actor (the same tenant). */
    public ActionContext withActor(Object newActor) {
        return of(newActor, tenant);
    }

    /** The tenant the calls run for, or {@code null} when none was given. */
    public TenantName tenant() {
        return tenant;
    }

    /**
     * This context for a tenant (the same actor).
     *
     * @param newTenant a tenant name, or {@code null} for none
     * @throws io.ashspring.error.InvalidTenantException when the name is not a valid tenant name
     */
    public ActionContext withTenant(String newTenant) {
        return of(actor, newTenant == null ? null : TenantName.of(newTenant));
    }

    /** This context for a validated tenant ({@code null} for none), the same actor. */
    public ActionContext withTenant(TenantName newTenant) {
        return of(actor, newTenant);
    }

    private static ActionContext of(Object actor, TenantName tenant) {
        return actor == null && tenant == null ? NONE : new ActionContext(actor, tenant);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionContext context && Objects.equals(actor, context.actor)
                && Objects.equals(tenant, context.tenant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actor, tenant);
    }

    @Override
    public String toString() {
        return "ActionContext[actor=" + actor + (tenant == null ? "" : ", tenant=" + tenant) + "]";
    }
}
