/**
 * Tenants: the validated {@link io.ashspring.tenant.TenantName} every tenant-scoped call carries.
 * How a resource is split between tenants is declared with {@link io.ashspring.resource.Multitenancy}
 * and frozen in {@link io.ashspring.resource.model.TenancyModel}.
 */
package io.ashspring.tenant;
