package io.ashspring.tenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlParameterValue;

import io.ashspring.error.TenantRequiredException;
import io.ashspring.expr.Expressions;
import io.ashspring.fixtures.tenancy.Invoice;
import io.ashspring.fixtures.tenancy.InvoiceLine;
import io.ashspring.fixtures.tenancy.Notice;
import io.ashspring.fixtures.tenancy.Project;
import io.ashspring.fixtures.tenancy.Setting;
import io.ashspring.fixtures.tenancy.Task;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.SqlCompiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL text of tenant-scoped statements: schema-qualified, or narrowed by the tenant attribute. No database needed. */
class TenantSqlTests {

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Project.class, Task.class, Setting.class, Invoice.class,
            InvoiceLine.class, Notice.class);
    static final SqlCompiler COMPILER = new SqlCompiler(REGISTRY::resource);
    static final SqlCompiler ACME = COMPILER.forTenant(TenantName.of("acme"));

    private static ResourceModel model(Class<?> type) {
        return REGISTRY.resource(type);
    }

    private static List<Object> values(RenderedSql sql) {
        return sql.binds().stream().map(b -> b instanceof SqlParameterValue v ? v.getValue() : b).toList();
    }

    @Test
    void everyTableOfASchemaTenantStatementIsInTheTenantsSchema() {
        RenderedSql read = ACME.select(model(Project.class), Query.all().load("taskCount")
                .filter(Expressions.parse("exists(tasks, done == true)")));
        RenderedSql task = ACME.select(model(Task.class), Query.all().filter(Expressions.parse("project.name == 'x'")));

        assertThat(read.sql()).contains("FROM \"acme\".\"projects\" t0").contains("\"acme\".\"tasks\"")
                .doesNotContain("\"public\"").doesNotContainIgnoringCase("search_path");
        assertThat(task.sql()).contains("FROM \"acme\".\"tasks\" t0 LEFT JOIN \"acme\".\"projects\" t1");
        assertThat(ACME.selectByKey(model(Project.class), List.of(UUID.randomUUID())).sql())
                .contains("FROM \"acme\".\"projects\" t0 WHERE");
        assertThat(ACME.insert(model(Project.class), Map.of()).sql()).startsWith("INSERT INTO \"acme\".\"projects\"");
        assertThat(ACME.delete(model(Project.class), List.of(UUID.randomUUID()), Map.of()).sql())
                .startsWith("DELETE FROM \"acme\".\"projects\"");
        assertThat(ACME.count(model(Project.class), Query.all()).sql()).contains("FROM \"acme\".\"projects\" t0");
        assertThat(ACME.deleteAll(model(Project.class), Query.all().limit(3), false).sql())
                .startsWith("DELETE FROM \"acme\".\"projects\"").contains("FROM \"acme\".\"projects\" t0");
    }

    @Test
    void aGlobalSchemaResourceWithoutTenantUsesItsOwnSchemaAndOtherResourcesAreRefused() {
        assertThat(COMPILER.select(model(Setting.class), Query.all()).sql()).contains("FROM \"public\".\"settings\" t0");
        assertThat(ACME.select(model(Setting.class), Query.all()).sql()).contains("FROM \"acme\".\"settings\" t0");
        assertThatThrownBy(() -> COMPILER.select(model(Project.class), Query.all()))
                .isInstanceOf(TenantRequiredException.class).hasMessageContaining("Project");
    }

    @Test
    void everyRowOfAnAttributeTenantStatementIsNarrowedToTheTenant() {
        RenderedSql read = ACME.select(model(Invoice.class), Query.all().load("lineCount")
                .filter(Expressions.parse("exists(lines, amount > 1) or total > 3")));

        assertThat(read.sql()).contains("t0.\"organization_id\" = ?").contains("t1.\"organization_id\" = ?")
                .contains("FROM \"public\".\"invoices\" t0");
        assertThat(values(read)).filteredOn("acme"::equals).hasSizeGreaterThanOrEqualTo(3);
        RenderedSql joined = ACME.select(model(InvoiceLine.class), Query.all().filter(Expressions.parse("invoice.number == 'x'")));
        assertThat(joined.sql()).contains("LEFT JOIN \"public\".\"invoices\" t1 ON t1.\"id\" = t0.\"invoice_id\" AND t1.\"organization_id\" = ?");
        assertThat(ACME.update(model(Invoice.class), List.of(UUID.randomUUID()), Map.of(
                model(Invoice.class).requireAttribute("total"), 3)).sql()).contains("AND \"organization_id\" = ?");
        assertThat(ACME.updateAll(model(Invoice.class), Query.all(), Map.of(model(Invoice.class).requireAttribute("total"), 3),
                false).sql()).endsWith("WHERE t0.\"organization_id\" = ?");
        assertThat(ACME.selectByKey(model(Invoice.class), List.of(UUID.randomUUID())).sql())
                .endsWith("AND t0.\"organization_id\" = ?");
    }

    @Test
    void insertsSetTheTenantAndUpsertsConflictOnTheTenantColumnToo() {
        ResourceModel invoice = model(Invoice.class);
        AttributeModel number = invoice.requireAttribute("number");
        RenderedSql insert = ACME.insert(invoice, Map.of(number, "N-1"));
        assertThat(insert.sql()).contains("(\"number\", \"organization_id\")");
        assertThat(values(insert)).containsExactly("N-1", "acme");

        RenderedSql upsert = ACME.upsert(invoice, Map.of(number, "N-1"), new io.ashspring.sql.Conflict(List.of(number),
                null, Map.of(invoice.requireAttribute("total"), 1), null), Map.of());
        assertThat(upsert.sql()).contains("ON CONFLICT (\"number\", \"organization_id\")");
        assertThat(invoice.identities().get(0).keys()).containsExactly("number", "organizationId");
    }

    @Test
    void withoutMultitenantResourcesNothingChanges() {
        assertThat(COMPILER.forTenant(null)).isSameAs(COMPILER);
        assertThat(ACME.forTenant(TenantName.of("acme"))).isSameAs(ACME);
        assertThat(COMPILER.select(model(Notice.class), Query.all()).sql()).doesNotContain("organization_id\" = ?");
        assertThat(ACME.select(model(Notice.class), Query.all()).sql()).contains("t0.\"organization_id\" = ?");
    }
}
