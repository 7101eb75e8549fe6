package io.ashspring.migrate.tenant;

import java.time.Duration;

/**
 * How one tenant's migration went.
 *
 * @param tenant the tenant (its schema's name) as given
 * @param status migrated, up to date, or failed
 * @param applied the changesets applied in this run
 * @param duration how long it took (all attempts)
 * @param attempts how many times it was tried (more than 1 after failures retried)
 * @param liquibase {@code true}: it went through Liquibase proper rather than the fast path
 * @param error for {@link Status#FAILED}: what went wrong (the tenant's other changesets are untouched); else {@code null}
 */
public record TenantResult(String tenant, Status status, int applied, Duration duration, int attempts, boolean liquibase,
                           String error) {

    /** The outcome for one tenant. */
    public enum Status {
        /** Changesets were applied. */
        MIGRATED,
        /** Every changeset had run already. */
        UP_TO_DATE,
        /** The migration failed (see {@link #error()}); a failed changeset rolled back. */
        FAILED
    }

    /** Whether the tenant's schema is now up to date. */
    public boolean succeeded() {
        return status != Status.FAILED;
    }

    @Override
    public String toString() {
        return tenant + ": " + switch (status) {
            case MIGRATED -> applied + " changeset" + (applied == 1 ? "" : "s") + " applied";
            case UP_TO_DATE -> "up to date";
            case FAILED -> "FAILED (" + error + ")";
        } + " in " + duration.toMillis() + " ms" + (attempts > 1 ? " after " + attempts + " attempts" : "");
    }
}
