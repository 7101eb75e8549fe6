package io.ashspring.resource.model;

import io.ashspring.error.InvalidTenantException;
import io.ashspring.error.TenantRequiredException;
import io.ashspring.tenant.TenantName;

/**
 * The one place that decides how a call on a resource is scoped to its tenant: which schema its
 * table is read from (schema strategy), which attribute and value every statement filters and
 * sets (attribute strategy), and when a call without a tenant is refused. The SQL compiler and the
 * runtime both ask here; nothing else interprets a {@link TenancyModel}.
 */
public final class TenantRules {

    private TenantRules() {
    }

    /**
     * The schema of the resource's table for a call: the tenant's for the schema strategy, else the
     * resource's own (also for a {@code global} schema-strategy resource called without a tenant).
     *
     * @param tenant the call's tenant, or {@code null}
     * @throws TenantRequiredException when the resource needs a tenant and the call has none
     */
    public static String schema(ResourceModel resource, TenantName tenant) {
        TenancyModel tenancy = resource.tenancy();
        if (!tenancy.bySchema()) {
            return resource.schema();
        }
        if (tenant != null) {
            return tenant.value();
        }
        return requireGlobal(resource).schema();
    }

    /**
     * The attribute every statement of a call filters on and sets, or {@code null} when the call
     * is not narrowed by an attribute (another strategy, or a {@code global} resource called without
     * a tenant, which sees every tenant's rows).
     *
     * @throws TenantRequiredException when the resource needs a tenant and the call has none
     */
    public static AttributeModel attribute(ResourceModel resource, TenantName tenant) {
        TenancyModel tenancy = resource.tenancy();
        if (!tenancy.byAttribute()) {
            return null;
        }
        if (tenant == null) {
            requireGlobal(resource);
            return null;
        }
        return resource.requireAttribute(tenancy.attribute());
    }

    /**
     * The tenant as a value of the tenant attribute ({@code "42"} becomes {@code 42L} for a
     * {@code Long organizationId}).
     *
     * @throws InvalidTenantException when the tenant cannot be a value of the attribute
     */
    public static Object value(ResourceModel resource, AttributeModel attribute, TenantName tenant) {
        try {
            Object value = attribute.type().coerce(tenant.value());
            if (value == null) {
                throw new IllegalArgumentException("it converts to no value");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantException(tenant.value(), "is not a valid value of " + resource.name() + "."
                    + attribute.name() + ", which holds the tenant (" + e.getMessage() + ")");
        }
    }

    /** Whether a call without a tenant is allowed on the resource. */
    public static boolean allowsNoTenant(ResourceModel resource) {
        return resource.tenancy().global();
    }

    private static ResourceModel requireGlobal(ResourceModel resource) {
        if (!resource.tenancy().global()) {
            throw new TenantRequiredException(resource.name());
        }
        return resource;
    }
}
