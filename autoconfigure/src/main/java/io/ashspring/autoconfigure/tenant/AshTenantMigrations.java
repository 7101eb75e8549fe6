package io.ashspring.autoconfigure.tenant;

import java.util.List;
import java.util.function.Supplier;

import io.ashspring.migrate.tenant.TenantMigrationReport;
import io.ashspring.migrate.tenant.TenantMigrator;
import io.ashspring.migrate.tenant.TenantResult;

/**
 * The tenant migrations of a running application: migrate every tenant (a deployment job, an admin endpoint),
 * one tenant (after creating it by other means than {@code @ManageTenant}), or again those that failed.
 *
 * <pre>{@code
 * @Autowired AshTenantMigrations tenantMigrations;
 *
 * TenantMigrationReport report = tenantMigrations.migrateAll();
 * log.info(report.summary());
 * tenantMigrations.migrate("newco");
 * }</pre>
 */
public class AshTenantMigrations {

    private final TenantMigrator migrator;
    private final Supplier<List<String>> tenants;

    /**
     * @param migrator the migrator (changelog, parallelism, retries)
     * @param tenants the tenants of the application: the {@code TenantSource} bean's, or the {@code @ManageTenant} records'
     */
    public AshTenantMigrations(TenantMigrator migrator, Supplier<List<String>> tenants) {
        this.migrator = migrator;
        this.tenants = tenants;
    }

    /** The tenants of the application, as they are now. */
    public List<String> tenants() {
        return tenants.get();
    }

    /** Migrates every tenant; never throws for a tenant's failure (see {@link TenantMigrationReport#throwIfFailed()}). */
    public TenantMigrationReport migrateAll() {
        return migrator.migrate(tenants());
    }

    /** Migrates one tenant, creating its schema when missing. */
    public TenantResult migrate(String tenant) {
        return migrator.migrate(tenant);
    }

    /** Migrates these tenants. */
    public TenantMigrationReport migrate(List<String> tenantNames) {
        return migrator.migrate(tenantNames);
    }

    /** Migrates again the tenants that failed in a report. */
    public TenantMigrationReport retryFailed(TenantMigrationReport report) {
        return migrator.retryFailed(report);
    }

    /** The migrator underneath. */
    public TenantMigrator migrator() {
        return migrator;
    }
}
