package io.ashspring.repository;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.ashspring.error.TenantRequiredException;
import io.ashspring.fixtures.tenancy.Invoice;
import io.ashspring.fixtures.tenancy.InvoiceLine;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.repository.tenancy.InvoiceRepository;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.tenant.TenantScope;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Repositories of a multitenant resource work for the current tenant, base and derived methods alike. */
@PostgresTest
class TenantRepositoryTests {

    static AnnotationConfigApplicationContext context;
    static InvoiceRepository invoices;

    @Configuration
    @EnableAshRepositories(basePackageClasses = InvoiceRepository.class)
    static class Invoices {
    }

    @BeforeAll
    static void start(TestDatabase database) {
        ResourceRegistry registry = ResourceRegistry.of(Invoice.class, InvoiceLine.class);
        MigrationGenerator.createSchema(database.dataSource(), registry);
        AshRuntime runtime = AshRuntime.of(registry, database.dataSource());
        context = new AnnotationConfigApplicationContext();
        context.registerBean(AshRuntime.class, () -> runtime);
        context.register(Invoices.class);
        context.refresh();
        invoices = context.getBean(InvoiceRepository.class);
        TenantScope.run("acme", () -> {
            invoices.create(Map.of("number", "A-1", "total", 10));
            invoices.create(Map.of("number", "SHARED", "total", 1));
        });
        TenantScope.run("globex", () -> invoices.create(Map.of("number", "SHARED", "total", 50)));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void baseMethodsWorkForTheCurrentTenant() {
        assertThat(TenantScope.call("acme", () -> invoices.findAll())).extracting(Invoice::number)
                .containsExactlyInAnyOrder("A-1", "SHARED");
        assertThat(TenantScope.call("globex", () -> invoices.count())).isEqualTo(1);
        Invoice acme = TenantScope.call("acme", () -> invoices.findByNumber("A-1").get(0));
        assertThat(TenantScope.call("globex", () -> invoices.findById(acme.id()))).isEmpty();
        assertThat(TenantScope.call("acme", () -> invoices.existsById(acme.id()))).isTrue();
    }

    @Test
    void derivedMethodsWorkForTheCurrentTenant() {
        assertThat(TenantScope.call("globex", () -> invoices.findByNumber("SHARED"))).extracting(Invoice::total)
                .containsExactly(50);
        assertThat(TenantScope.call("acme", () -> invoices.countByTotalGreaterThan(5))).isEqualTo(1);
        assertThat(TenantScope.call("globex", () -> invoices.countByTotalGreaterThan(5))).isEqualTo(1);
    }

    @Test
    void theServiceForATenantAndNoTenantAtAll() {
        assertThat(invoices.service().forTenant("globex").readAll()).extracting(Invoice::organizationId)
                .containsExactly("globex");
        assertThatThrownBy(() -> invoices.findAll()).isInstanceOf(TenantRequiredException.class)
                .hasMessageContaining("Invoice");
    }
}
