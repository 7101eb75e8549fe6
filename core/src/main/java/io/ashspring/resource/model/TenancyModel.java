package io.ashspring.resource.model;

import java.util.Objects;

import io.ashspring.resource.Multitenancy;

/**
 * How a resource's records belong to tenants, as declared by {@link Multitenancy}; {@link #NONE} for
 * a resource without tenants.
 *
 * @param strategy {@code null} for a resource without tenants
 * @param attribute for {@link Multitenancy.Strategy#ATTRIBUTE}, the attribute holding the tenant; else {@code null}
 * @param global whether calls without a tenant are allowed
 */
public record TenancyModel(Multitenancy.Strategy strategy, String attribute, boolean global) {

    /** Not multitenant. */
    public static final TenancyModel NONE = new TenancyModel(null, null, true);

    /** Checks that an attribute is named exactly for the attribute strategy. */
    public TenancyModel {
        if (strategy == Multitenancy.Strategy.ATTRIBUTE) {
            Objects.requireNonNull(attribute, "the ATTRIBUTE strategy needs an attribute");
        } else if (attribute != null) {
            throw new IllegalArgumentException("only the ATTRIBUTE strategy names an attribute");
        }
    }

    /** Whether the resource is multitenant at all. */
    public boolean multitenant() {
        return strategy != null;
    }

    /** Whether each tenant has its own schema. */
    public boolean bySchema() {
        return strategy == Multitenancy.Strategy.CONTEXT;
    }

    /** Whether tenants share the table and {@link #attribute()} tells them apart. */
    public boolean byAttribute() {
        return strategy == Multitenancy.Strategy.ATTRIBUTE;
    }
}
