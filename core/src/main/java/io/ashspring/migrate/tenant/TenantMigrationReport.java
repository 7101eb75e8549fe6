package io.ashspring.migrate.tenant;

import java.time.Duration;
import java.util.List;

import io.ashspring.migrate.MigrationException;

/**
 * What a run of {@link TenantMigrator} did, tenant by tenant, in the order the tenants were given.
 *
 * @param results one per tenant
 * @param duration the run's wall-clock time
 */
public record TenantMigrationReport(List<TenantResult> results, Duration duration) {

    /** Canonical constructor: copies. */
    public TenantMigrationReport {
        results = List.copyOf(results);
    }

    /** The tenants that failed. */
    public List<TenantResult> failed() {
        return results.stream().filter(r -> !r.succeeded()).toList();
    }

    /** The names of the tenants that failed, for {@link TenantMigrator#retryFailed}. */
    public List<String> failedTenants() {
        return failed().stream().map(TenantResult::tenant).toList();
    }

    /** Whether every tenant is up to date now. */
    public boolean succeeded() {
        return failed().isEmpty();
    }

    /** The result of one tenant, or {@code null}. */
    public TenantResult result(String tenant) {
        return results.stream().filter(r -> r.tenant().equals(tenant)).findFirst().orElse(null);
    }

    /** "20 tenants in 1.2 s: 18 migrated, 1 up to date, 1 failed (acme: ...)". */
    public String summary() {
        long migrated = results.stream().filter(r -> r.status() == TenantResult.Status.MIGRATED).count();
        long upToDate = results.stream().filter(r -> r.status() == TenantResult.Status.UP_TO_DATE).count();
        List<TenantResult> failed = failed();
        return results.size() + " tenant" + (results.size() == 1 ? "" : "s") + " in " + duration.toMillis() + " ms: " + migrated
                + " migrated, " + upToDate + " up to date, " + failed.size() + " failed" + (failed.isEmpty() ? ""
                : " (" + String.join("; ", failed.stream().map(f -> f.tenant() + ": " + f.error()).toList()) + ")");
    }

    /**
     * Throws when a tenant failed, listing each with its error.
     *
     * @throws MigrationException naming the failed tenants, the fix being to correct them and migrate again
     *         ({@link TenantMigrator#retryFailed}): the other tenants are migrated already
     */
    public TenantMigrationReport throwIfFailed() {
        List<TenantResult> failed = failed();
        if (!failed.isEmpty()) {
            throw new MigrationException(failed.size() + " of " + results.size() + " tenant schemas could not be migrated (the "
                    + "others were); fix them and migrate those tenants again", failed.stream().map(TenantResult::toString).toList());
        }
        return this;
    }
}
