package io.ashspring.autoconfigure.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.ashspring.migrate.tenant.TenantChangelog;
import io.ashspring.migrate.tenant.TenantMigrator;

/** Tenant schema migrations, bound from {@code ash.tenancy.migrations.*}. */
@ConfigurationProperties("ash.tenancy.migrations")
public class AshTenantMigrationProperties {

    /** Whether tenant schemas are migrated at startup and the runtime API (AshTenantMigrations) is available. */
    private boolean enabled = true;

    /** How many tenant schemas are migrated at once, each on its own connection (keep it below the pool size). */
    private int parallelism = TenantMigrator.DEFAULT_PARALLELISM;

    /**
     * The tenant master changelog that ash:codegen writes. When it does not exist, the tenant tables of the
     * resources are migrated from an in-memory changelog (fine for new schemas in development).
     */
    private String changeLog = TenantChangelog.DEFAULT_LOCATION;

    /** Whether startup fails when a tenant schema could not be migrated (the other tenants are migrated either way). */
    private boolean failOnError = true;

    /** How many times a failed tenant migration is tried again in the same run. */
    private int retries = 0;

    /** @return whether tenant migrations are on */
    public boolean isEnabled() {
        return this.enabled;
    }

    /** @param enabled whether tenant migrations are on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return how many tenants are migrated at once */
    public int getParallelism() {
        return this.parallelism;
    }

    /** @param parallelism how many tenants are migrated at once */
    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    /** @return the tenant master changelog */
    public String getChangeLog() {
        return this.changeLog;
    }

    /** @param changeLog the tenant master changelog */
    public void setChangeLog(String changeLog) {
        this.changeLog = changeLog;
    }

    /** @return whether a failed tenant fails startup */
    public boolean isFailOnError() {
        return this.failOnError;
    }

    /** @param failOnError whether a failed tenant fails startup */
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    /** @return the retries of a failed tenant */
    public int getRetries() {
        return this.retries;
    }

    /** @param retries the retries of a failed tenant */
    public void setRetries(int retries) {
        this.retries = retries;
    }
}
