package io.ashspring.runtime;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.fixtures.tenancy.Invoice;
import io.ashspring.fixtures.tenancy.InvoiceLine;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.Upsert;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attribute-tenant resource's identity is unique per tenant (its index leads with the tenant column), and an
 * upsert on it targets that index: the same number is one invoice per organization.
 */
@PostgresTest
class AttributeTenantUpsertTests {

    static ResourceService<Invoice> invoices;
    static JdbcClient jdbc;

    @BeforeAll
    static void schema(TestDatabase database) {
        javax.sql.DataSource dataSource = database.dataSource();
        ResourceRegistry registry = ResourceRegistry.of(Invoice.class, InvoiceLine.class);
        MigrationGenerator.createSchema(dataSource, registry);
        invoices = AshRuntime.of(registry, dataSource).service(Invoice.class);
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void theSameNumberIsOneInvoicePerTenantAndAnUpsertUpdatesItWithinItsTenant() {
        UpsertResult<Invoice> first = invoices.forTenant("acme").upsert(Map.of("number", "A-1", "total", 1), Upsert.on("unique_number"));
        UpsertResult<Invoice> again = invoices.forTenant("acme").upsert(Map.of("number", "A-1", "total", 2), Upsert.on("unique_number"));
        UpsertResult<Invoice> other = invoices.forTenant("globex").upsert(Map.of("number", "A-1", "total", 3),
                Upsert.on("unique_number"));

        assertThat(first.outcome()).isEqualTo(UpsertResult.Outcome.CREATED);
        assertThat(again.outcome()).isEqualTo(UpsertResult.Outcome.UPDATED);
        assertThat(again.record().total()).isEqualTo(2);
        assertThat(other.outcome()).isEqualTo(UpsertResult.Outcome.CREATED);
        assertThat(jdbc.sql("SELECT organization_id, total FROM invoices ORDER BY organization_id").query((rs, i) ->
                rs.getString(1) + "=" + rs.getInt(2)).list()).containsExactly("acme=2", "globex=3");
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'invoices_unique_number_index'")
                .query(String.class).single()).contains("(organization_id, number)");
    }
}
