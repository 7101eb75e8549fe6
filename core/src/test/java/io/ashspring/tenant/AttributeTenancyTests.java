package io.ashspring.tenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.InvalidTenantException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.TenantRequiredException;
import io.ashspring.expr.Expressions;
import io.ashspring.fixtures.tenancy.Invoice;
import io.ashspring.fixtures.tenancy.InvoiceLine;
import io.ashspring.fixtures.tenancy.Notice;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.Upsert;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.BulkOptions;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Attribute tenancy: one shared table, every statement narrowed by (and setting) organizationId. */
@PostgresTest
class AttributeTenancyTests {

    static TestDatabase db;
    static ResourceService<Invoice> invoices;
    static ResourceService<InvoiceLine> lines;
    static ResourceService<Notice> notices;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = database;
        ResourceRegistry registry = ResourceRegistry.of(Invoice.class, InvoiceLine.class, Notice.class);
        MigrationGenerator.createSchema(database.dataSource(), registry);
        AshRuntime ash = AshRuntime.of(registry, database.dataSource());
        invoices = ash.service(Invoice.class);
        lines = ash.service(InvoiceLine.class);
        notices = ash.service(Notice.class);
    }

    @BeforeEach
    void empty() {
        JdbcClient.create(db.dataSource()).sql("TRUNCATE invoice_lines, invoices, notices").update();
    }

    @Test
    void aCreateSetsTheTenantAndReadsSeeOnlyTheTenantsRows() {
        Invoice acme = invoices.forTenant("acme").create(Map.of("number", "A-1", "total", 10));
        invoices.forTenant("globex").create(Map.of("number", "G-1", "total", 20));

        assertThat(acme.organizationId()).isEqualTo("acme");
        assertThat(invoices.forTenant("acme").readAll()).extracting(Invoice::number).containsExactly("A-1");
        assertThat(invoices.forTenant("acme").count(Query.all())).isEqualTo(1);
        assertThat(invoices.forTenant("globex").find(acme.id())).isEmpty();
        assertThat(invoices.forTenant("globex").read(Query.all().filter(Expressions.eq("number", "A-1")))).isEmpty();
        assertThat(invoices.forTenant("globex").read(Query.all().filter(Expressions.parse("number == 'A-1' or total > 0"))))
                .extracting(Invoice::number).containsExactly("G-1");
    }

    @Test
    void inputNamingAnotherTenantIsRefusedNamingTheField() {
        InvalidException thrown = catchThrowableOfType(InvalidException.class, () -> invoices.forTenant("acme")
                .create(Map.of("number", "A-1", "organizationId", "globex")));

        assertThat(thrown.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("organizationId", "tenant_mismatch"));
        assertThat(thrown.getMessage()).contains("acme");
        Invoice same = invoices.forTenant("acme").create(Map.of("number", "A-2", "organizationId", "acme"));
        assertThat(catchThrowableOfType(InvalidException.class, () -> invoices.forTenant("acme").update(same.id(),
                Map.of("organizationId", "globex"))).errors()).extracting(FieldError::code).containsExactly("tenant_mismatch");
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM invoices WHERE organization_id <> 'acme'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void updatesAndDestroysOfAnotherTenantsRecordFindNothing() {
        Invoice acme = invoices.forTenant("acme").create(Map.of("number", "A-1"));

        assertThatThrownBy(() -> invoices.forTenant("globex").update(acme.id(), Map.of("total", 99)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invoices.forTenant("globex").destroy(acme.id())).isInstanceOf(NotFoundException.class);
        assertThat(invoices.forTenant("globex").updateAll(Query.all(), Map.of("total", 99), BulkOptions.defaults()).count())
                .isZero();
        assertThat(invoices.forTenant("globex").destroyAll(Query.all()).count()).isZero();
        assertThat(invoices.forTenant("acme").get(acme.id()).total()).isZero();
    }

    @Test
    void loadsAggregatesAndExistsSeeOnlyTheTenantsRelatedRows() {
        Invoice acme = invoices.forTenant("acme").create(Map.of("number", "A-1"));
        lines.forTenant("acme").create(Map.of("description", "own", "amount", 5, "invoice", acme.id()));
        // a row of another tenant pointing at acme's invoice: never loaded, counted or matched
        JdbcClient.create(db.dataSource()).sql("INSERT INTO invoice_lines (id, organization_id, description, amount, invoice_id) "
                + "VALUES (?, 'globex', 'foreign', 7, ?)").params(UUID.randomUUID(), acme.id()).update();

        Invoice loaded = invoices.forTenant("acme").get(acme.id(), Query.all().load("lines", "lineCount"));
        assertThat(loaded.lines()).extracting(InvoiceLine::description).containsExactly("own");
        assertThat(loaded.lineCount()).isEqualTo(1);
        assertThat(invoices.forTenant("acme").read(Query.all().filter(Expressions.parse("exists(lines, description == 'foreign')"))))
                .isEmpty();
        assertThat(lines.forTenant("acme").read(Query.all().filter(Expressions.parse("invoice.number == 'A-1'"))))
                .extracting(InvoiceLine::description).containsExactly("own");
        assertThat(lines.forTenant("globex").read(Query.all().filter(Expressions.parse("invoice.number == 'A-1'"))))
                .isEmpty();
    }

    @Test
    void identitiesAreUniquePerTenantAndUpsertsConflictWithinTheTenant() {
        Invoice acme = invoices.forTenant("acme").create(Map.of("number", "N-1", "total", 1));
        Invoice globex = invoices.forTenant("globex").create(Map.of("number", "N-1", "total", 2));

        assertThat(globex.id()).isNotEqualTo(acme.id());
        assertThatThrownBy(() -> invoices.forTenant("acme").create(Map.of("number", "N-1")))
                .isInstanceOf(InvalidException.class).hasMessageContaining("number");
        Invoice updated = invoices.forTenant("acme").upsert(Map.of("number", "N-1", "total", 5), Upsert.on("unique_number"))
                .record();
        assertThat(updated.id()).isEqualTo(acme.id());
        assertThat(updated.total()).isEqualTo(5);
        assertThat(invoices.forTenant("globex").get(globex.id()).total()).isEqualTo(2);
        invoices.forTenant("initech").createAll(List.of(Map.of("number", "N-1"), Map.of("number", "N-2")),
                BulkOptions.defaults().upsert(Upsert.on("unique_number")));
        assertThat(invoices.forTenant("initech").readAll()).extracting(Invoice::organizationId).containsOnly("initech");
        assertThat(invoices.forTenant("acme").readAll()).hasSize(1);
    }

    @Test
    void aCallWithoutTenantIsRefusedUnlessTheResourceIsGlobal() {
        assertThatThrownBy(() -> invoices.readAll()).isInstanceOf(TenantRequiredException.class)
                .hasMessageContaining("Invoice").hasMessageContaining("forTenant(");
        assertThatThrownBy(() -> invoices.create(Map.of("number", "X"))).isInstanceOf(TenantRequiredException.class);

        notices.forTenant("acme").create(Map.of("text", "acme only"));
        notices.create(Map.of("text", "everyone"));
        assertThat(notices.readAll()).hasSize(2);
        assertThat(notices.forTenant("acme").readAll()).extracting(Notice::text).containsExactly("acme only");
        assertThat(notices.forTenant("globex").readAll()).isEmpty();
    }

    @Test
    void aTenantThatCannotBeAValueOfTheAttributeIsAnInvalidTenant() {
        assertThatThrownBy(() -> invoices.forTenant("a\"b")).isInstanceOf(InvalidTenantException.class);
    }
}
