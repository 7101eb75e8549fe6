package io.ashspring.tenant;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The tenant of code that has no tenant-bound service at hand (a web request resolved by the
 * tenant filter, a scheduled job looping over tenants), bound to the current thread for the
 * duration of {@link #run} or {@link #call} and always cleared afterwards, even when the work
 * throws. A service's own tenant ({@code tickets.forTenant("acme")}, {@code ActionContext.withTenant})
 * wins over the scope's.
 *
 * <pre>{@code
 * TenantScope.run("acme", () -> tickets.create(Map.of("subject", "Printer on fire")));
 * List<Ticket> open = TenantScope.call("acme", () -> tickets.read(q -> q.where("status", "open")));
 * }</pre>
 *
 * The binding is not inherited by other threads: hand a thread pool {@code forTenant} services, or
 * open a scope in the task.
 */
public final class TenantScope {

    private static final ThreadLocal<TenantName> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** Runs {@code work} with {@code tenant} as the current tenant, then restores the one before. */
    public static void run(String tenant, Runnable work) {
        Objects.requireNonNull(work, "work");
        call(tenant, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Calls {@code work} with {@code tenant} as the current tenant, then restores the one before.
     *
     * @throws io.ashspring.error.InvalidTenantException when the name is invalid (before {@code work} runs)
     */
    public static <R> R call(String tenant, Callable<R> work) {
        TenantName name = TenantName.of(tenant);
        TenantName before = CURRENT.get();
        CURRENT.set(name);
        try {
            return work.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("work in tenant scope " + tenant + " failed", e);
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The current thread's tenant, or {@code null} outside any scope. */
    public static TenantName current() {
        return CURRENT.get();
    }

    /**
     * Binds {@code tenant} to the current thread until the returned binding is closed, for code that
     * cannot wrap its work in a lambda (a servlet filter): use it in try-with-resources only.
     */
    public static Binding open(TenantName tenant) {
        Objects.requireNonNull(tenant, "tenant");
        TenantName before = CURRENT.get();
        CURRENT.set(tenant);
        return new Binding(before);
    }

    /** An open binding of {@link #open}; closing it restores the tenant bound before. */
    public static final class Binding implements AutoCloseable {

        private final TenantName before;

        private Binding(TenantName before) {
            this.before = before;
        }

        @Override
        public void close() {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}
