package io.ashspring.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.fixtures.tenancy.Invoice;
import io.ashspring.fixtures.tenancy.InvoiceLine;
import io.ashspring.fixtures.tenancy.Project;
import io.ashspring.fixtures.tenancy.Setting;
import io.ashspring.fixtures.tenancy.Task;
import io.ashspring.fixtures.tenancy.TenantSchemas;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 tenants worked on by 8 threads at once, half through {@code forTenant}, half through
 * {@link TenantScope}: not one row of another tenant is ever read, and every row lands where its
 * tenant's are.
 */
@PostgresTest
class TenantIsolationTests {

    static final int TENANTS = 20;
    static final int THREADS = 8;
    static final int ROUNDS = 6;

    static TestDatabase db;
    static ResourceService<Project> projects;
    static ResourceService<Task> tasks;
    static ResourceService<Invoice> invoices;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = database;
        ResourceRegistry registry = ResourceRegistry.of(Project.class, Task.class, Setting.class, Invoice.class,
                InvoiceLine.class);
        MigrationGenerator.createSchema(database.dataSource(), registry);
        for (int t = 0; t < TENANTS; t++) {
            TenantSchemas.create(database.dataSource(), tenant(t));
        }
        AshRuntime ash = AshRuntime.of(registry, database.dataSource());
        projects = ash.service(Project.class);
        tasks = ash.service(Task.class);
        invoices = ash.service(Invoice.class);
    }

    static String tenant(int index) {
        return "tenant_" + index;
    }

    @Test
    void concurrentCallsOfTwentyTenantsNeverSeeAForeignRow() throws Exception {
        AtomicLong foreign = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                work.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < TENANTS; i++) {
                            String tenant = tenant((i + offset) % TENANTS);
                            if ((i + round) % 2 == 0) {
                                foreign.addAndGet(work(projects.forTenant(tenant), tasks.forTenant(tenant),
                                        invoices.forTenant(tenant), tenant));
                            } else {
                                foreign.addAndGet(TenantScope.call(tenant, () -> work(projects, tasks, invoices, tenant)));
                            }
                            reads.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reads.get()).isEqualTo((long) THREADS * ROUNDS * TENANTS);
        assertThat(foreign.get()).isZero();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        for (int t = 0; t < TENANTS; t++) {
            String tenant = tenant(t);
            assertThat(jdbc.sql("SELECT count(*) FROM \"" + tenant + "\".projects WHERE name NOT LIKE ?")
                    .param(tenant + ":%").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM \"" + tenant + "\".projects").query(Long.class).single())
                    .isEqualTo((long) THREADS * ROUNDS);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM invoices WHERE number NOT LIKE organization_id || ':%'")
                .query(Long.class).single()).isZero();
    }

    /** One unit of work for a tenant; returns how many rows of another tenant it saw. */
    private static long work(ResourceService<Project> projects, ResourceService<Task> tasks,
                             ResourceService<Invoice> invoices, String tenant) {
        Project project = projects.create(Map.of("name", tenant + ":" + java.util.UUID.randomUUID()));
        tasks.create(Map.of("title", tenant + ":task", "project", project.id()));
        invoices.create(Map.of("number", tenant + ":" + java.util.UUID.randomUUID()));
        long seen = 0;
        for (Project p : projects.read(Query.all().load("tasks", "taskCount"))) {
            seen += p.name().startsWith(tenant + ":") ? 0 : 1;
            seen += p.tasks().stream().filter(t -> !t.title().startsWith(tenant + ":")).count();
        }
        seen += invoices.readAll().stream().filter(i -> !i.organizationId().equals(tenant)
                || !i.number().startsWith(tenant + ":")).count();
        return seen;
    }
}
