package io.ashspring.autoconfigure.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import io.ashspring.migrate.tenant.TenantMigrationReport;

/**
 * Migrates every tenant schema at startup, after the global migrations (a database initializer ordered after
 * them, see {@link AshTenantMigrationInitializerDetector}) and before the runtime serves. A failing tenant stops
 * no other; startup then fails ({@code ash.tenancy.migrations.fail-on-error=true}, the default) or logs it.
 */
public class AshTenantMigrationInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AshTenantMigrationInitializer.class);

    private final AshTenantMigrations migrations;
    private final boolean failOnError;
    private TenantMigrationReport report;

    /**
     * @param migrations the tenant migrations
     * @param failOnError whether a failed tenant fails startup
     */
    public AshTenantMigrationInitializer(AshTenantMigrations migrations, boolean failOnError) {
        this.migrations = migrations;
        this.failOnError = failOnError;
    }

    @Override
    public void afterPropertiesSet() {
        report = migrations.migrateAll();
        if (report.results().isEmpty()) {
            return; // no tenants (or no tenant tables): nothing to say
        }
        if (report.succeeded()) {
            log.info("Tenant schemas migrated: {}", report.summary());
        } else if (failOnError) {
            report.throwIfFailed();
        } else {
            log.warn("Some tenant schemas could not be migrated (ash.tenancy.migrations.fail-on-error=false, so the "
                    + "application starts): {}", report.summary());
        }
    }

    /** The startup run's report. */
    public TenantMigrationReport report() {
        return report;
    }
}
