/**
 * Tenant schema migrations: the tenant changelog tree ({@link io.ashspring.migrate.tenant.TenantChangelog}, written
 * by {@code ash:codegen} into {@code db/changelog/tenants/}) applied to each tenant's schema by
 * {@link io.ashspring.migrate.tenant.TenantMigrator}, with bounded parallelism, a per-tenant report and retries;
 * and {@link io.ashspring.migrate.tenant.ManagedTenants}, the write hook of {@code @ManageTenant} resources.
 */
package io.ashspring.migrate.tenant;
