package io.ashspring.migrate.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.ashspring.error.InvalidTenantException;
import io.ashspring.migrate.MigrationException;
import io.ashspring.sql.TenantMigrationSql;
import io.ashspring.tenant.TenantName;

/**
 * Migrates tenant schemas: each tenant's schema is created when missing and runs the {@link TenantChangelog}, with
 * Liquibase's tracking table in the tenant's own schema.
 *
 * <pre>{@code
 * TenantMigrator migrator = new TenantMigrator(dataSource, TenantChangelog.fromClasspath(TenantChangelog.DEFAULT_LOCATION))
 *         .withParallelism(4);
 * TenantMigrationReport report = migrator.migrate(List.of("acme", "globex", "initech"));
 * if (!report.succeeded()) {
 *     report = migrator.retryFailed(report);   // after fixing what failed
 * }
 * }</pre>
 *
 * <ul>
 * <li>Bounded parallelism: at most {@link #withParallelism} tenants at once, each on a connection of its own (so
 *     the pool needs that many connections free).</li>
 * <li>One failing tenant never stops the others: its failed changeset rolls back, its error is in the
 *     {@link TenantMigrationReport}, and {@link #retryFailed} (or {@link #withRetries}) tries it again.</li>
 * <li>Each tenant is migrated under a PostgreSQL advisory lock of its own, so two instances starting together
 *     migrate each tenant once.</li>
 * <li>Tenant names are {@link TenantName}s: a hostile name fails that tenant before any SQL runs.</li>
 * <li>Fast path: when a tenant's {@code databasechangelog} shows what ran (checksums matching), the pending
 *     changesets are applied without a Liquibase run per schema, writing the rows Liquibase writes; anything the
 *     fast path cannot take goes to Liquibase proper (its {@code FastCheckService} cache cleared per tenant).</li>
 * </ul>
 */
public final class TenantMigrator {

    /** The default number of tenants migrated at once. */
    public static final int DEFAULT_PARALLELISM = 4;

    private final DataSource dataSource;
    private final TenantChangelog changelog;
    private final int parallelism;
    private final int retries;

    /** A migrator of {@link #DEFAULT_PARALLELISM} tenants at once, without retries. */
    public TenantMigrator(DataSource dataSource, TenantChangelog changelog) {
        this(dataSource, changelog, DEFAULT_PARALLELISM, 0);
    }

    private TenantMigrator(DataSource dataSource, TenantChangelog changelog, int parallelism, int retries) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism of tenant migrations must be at least 1, got " + parallelism
                    + " (ash.tenancy.migrations.parallelism)");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("The retries of a failed tenant migration cannot be negative, got " + retries);
        }
        this.dataSource = dataSource;
        this.changelog = changelog;
        this.parallelism = parallelism;
        this.retries = retries;
    }

    /** With at most this many tenants migrated at once (each holding a connection). */
    public TenantMigrator withParallelism(int value) {
        return new TenantMigrator(dataSource, changelog, value, retries);
    }

    /** With a failed tenant tried again up to this many times in the same run. */
    public TenantMigrator withRetries(int value) {
        return new TenantMigrator(dataSource, changelog, parallelism, value);
    }

    /** The changelog each tenant runs. */
    public TenantChangelog changelog() {
        return changelog;
    }

    /** Migrates one tenant. */
    public TenantResult migrate(String tenant) {
        return migrate(List.of(tenant)).results().get(0);
    }

    /**
     * Migrates these tenants, at most {@link #withParallelism} at once; never throws for a tenant's failure (see
     * {@link TenantMigrationReport#throwIfFailed()}).
     *
     * @return one result per tenant, in the order given
     */
    public TenantMigrationReport migrate(Collection<String> tenants) {
        long start = System.nanoTime();
        List<String> names = List.copyOf(tenants);
        if (names.isEmpty()) {
            return new TenantMigrationReport(List.of(), Duration.ZERO);
        }
        ThreadLocal<TenantWorker> workers = new ThreadLocal<>();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, names.size()), task -> {
            Thread thread = new Thread(task, "ash-tenant-migration-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TenantResult>> futures = new ArrayList<>();
            for (String tenant : names) {
                futures.add(pool.submit(() -> migrateWithRetries(workers, tenant)));
            }
            List<TenantResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(result(futures.get(i), names.get(i)));
            }
            return new TenantMigrationReport(results, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Migrates again the tenants that failed in a report; the others keep their results. */
    public TenantMigrationReport retryFailed(TenantMigrationReport report) {
        TenantMigrationReport retried = migrate(report.failedTenants());
        List<TenantResult> merged = report.results().stream()
                .map(r -> r.succeeded() ? r : retried.result(r.tenant())).toList();
        return new TenantMigrationReport(merged, report.duration().plus(retried.duration()));
    }

    /**
     * Creates a tenant's schema and migrates it inside the transaction of {@code connection}, committing nothing:
     * for a tenant created by a write ({@code @ManageTenant}), so that the record and its schema exist together or
     * not at all.
     *
     * @return the number of changesets applied
     * @throws MigrationException when a changeset fails, or one needs Liquibase proper
     */
    public int migrateInTransaction(Connection connection, TenantName tenant) {
        try {
            return new TenantWorker(changelog).migrateInTransaction(connection, tenant);
        } catch (SQLException e) {
            throw new MigrationException("Could not create the schema of the new tenant '" + tenant + "': " + e.getMessage(), e);
        }
    }

    /** Renames a tenant's schema inside the transaction of {@code connection} (tables, data and tracking table move). */
    public static void renameInTransaction(Connection connection, TenantName from, TenantName to) {
        try {
            TenantWorker.execute(connection, TenantMigrationSql.lockInTransaction(from));
            if (!TenantWorker.exists(connection, TenantMigrationSql.schemaExists(from))) {
                throw new MigrationException("Cannot rename the tenant schema '" + from + "' to '" + to + "': it does not exist. "
                        + "Fix: migrate the tenant '" + to + "' instead, which creates its schema");
            }
            TenantWorker.execute(connection, TenantMigrationSql.renameSchema(from, to));
        } catch (SQLException e) {
            throw new MigrationException("Could not rename the tenant schema '" + from + "' to '" + to + "': " + e.getMessage(), e);
        }
    }

    private TenantResult migrateWithRetries(ThreadLocal<TenantWorker> workers, String tenant) {
        long start = System.nanoTime();
        TenantName name;
        try {
            name = TenantName.of(tenant);
        } catch (InvalidTenantException e) {
            return new TenantResult(tenant, TenantResult.Status.FAILED, 0, Duration.ofNanos(System.nanoTime() - start), 1, false,
                    e.getMessage());
        }
        String error = null;
        boolean liquibase = false;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                TenantWorker worker = workers.get();
                if (worker == null) {
                    worker = new TenantWorker(changelog);
                    workers.set(worker);
                }
                TenantWorker.Outcome outcome = worker.migrate(connection, name);
                return new TenantResult(tenant, outcome.applied() == 0 ? TenantResult.Status.UP_TO_DATE : TenantResult.Status.MIGRATED,
                        outcome.applied(), Duration.ofNanos(System.nanoTime() - start), attempt, outcome.liquibase(), null);
            } catch (Exception e) { // any failure stays this tenant's: the others go on
                error = rootMessage(e);
                workers.remove(); // a fresh copy of the changelog for the next tenant: this one may be half-filled
            }
        }
        return new TenantResult(tenant, TenantResult.Status.FAILED, 0, Duration.ofNanos(System.nanoTime() - start), retries + 1,
                liquibase, error);
    }

    private static TenantResult result(Future<TenantResult> future, String tenant) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while migrating the tenant schemas (at '" + tenant + "')", e);
        } catch (ExecutionException e) {
            return new TenantResult(tenant, TenantResult.Status.FAILED, 0, Duration.ZERO, 1, false, rootMessage(e));
        }
    }

    /** The error's message, and its root cause's when that adds something (a JDBC error under a Liquibase one). */
    private static String rootMessage(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error || root.getMessage() == null || message.contains(root.getMessage()) ? message
                : message + ": " + root.getMessage();
    }
}
