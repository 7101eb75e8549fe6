/**
 * Tenant schema migrations in a Spring Boot application: {@link io.ashspring.autoconfigure.tenant.AshTenantMigrationAutoConfiguration}
 * migrates every tenant at startup after the global migrations, exposes {@link io.ashspring.autoconfigure.tenant.AshTenantMigrations}
 * and wires {@code @ManageTenant}; settings under {@code ash.tenancy.migrations.*}.
 */
package io.ashspring.autoconfigure.tenant;
