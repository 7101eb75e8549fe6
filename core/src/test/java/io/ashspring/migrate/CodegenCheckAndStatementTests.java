package io.ashspring.migrate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.CustomStatement;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.TableOptions;

import static io.ashspring.migrate.CodegenHarness.steps;
import static org.assertj.core.api.Assertions.assertThat;

/** Check constraints and custom statements (reference §2, "Check constraints"), applied and rolled back. */
class CodegenCheckAndStatementTests extends CodegenTestBase {

    @Resource(table = "products")
    record Product(@PrimaryKey UUID id, @Attribute(precision = 10, scale = 2) java.math.BigDecimal price, String name) {
    }

    @Resource(table = "products")
    @CheckConstraint(name = "price_positive", check = "price > 0", fields = "price", message = "must be positive")
    record ProductChecked(@PrimaryKey UUID id, @Attribute(precision = 10, scale = 2) java.math.BigDecimal price, String name) {
    }

    @Resource(table = "products")
    @CheckConstraint(name = "price_positive", check = "price >= 1", fields = "price", message = "must be positive")
    record ProductCheckedHarder(@PrimaryKey UUID id, @Attribute(precision = 10, scale = 2) java.math.BigDecimal price, String name) {
    }

    /** The column the check is about changes type: the check is dropped first and added back after. */
    @Resource(table = "products")
    @CheckConstraint(name = "price_positive", check = "price > 0.5", fields = "price", message = "must be positive")
    record ProductRetyped(@PrimaryKey UUID id, @Attribute(precision = 12, scale = 4) java.math.BigDecimal price, String name) {
    }

    @Resource(table = "products")
    @TableOptions(baseFilterSql = "deleted_at IS NULL")
    @CheckConstraint(name = "name_present", check = "name IS NOT NULL", fields = "name")
    @Identity(name = "unique_name", keys = "name")
    record SoftDeletedProduct(@PrimaryKey UUID id, String name, java.time.Instant deletedAt) {
    }

    @Resource(table = "products")
    @CustomStatement(name = "cheap_view", up = "CREATE VIEW cheap_products AS SELECT id, name FROM products WHERE price < 10",
            down = "DROP VIEW cheap_products")
    record ProductWithView(@PrimaryKey UUID id, @Attribute(precision = 10, scale = 2) java.math.BigDecimal price, String name) {
    }

    @Resource(table = "products")
    @CustomStatement(name = "cheap_view", up = "CREATE VIEW cheap_products AS SELECT id, name, price FROM products WHERE price < 5",
            down = "DROP VIEW cheap_products")
    record ProductWithNewView(@PrimaryKey UUID id, @Attribute(precision = 10, scale = 2) java.math.BigDecimal price, String name) {
    }

    @Test
    void aCheckIsAddedAndItsChangeDropsTheOldOneWhichTheRollbackRestores() {
        harness.migrate("products", Product.class);
        harness.migrate("check", ProductChecked.class);
        assertThat(harness.catalog.constraints("public.products", "c"))
                .containsExactly(Map.entry("price_positive", "CHECK ((price > (0)::numeric))"));
        CodegenResult changed = harness.migrate("harder", ProductCheckedHarder.class);
        assertThat(steps(changed)).containsExactly("drop check price_positive on public.products",
                "add check price_positive on public.products: price >= 1");
        assertThat(harness.catalog.constraints("public.products", "c"))
                .containsExactly(Map.entry("price_positive", "CHECK ((price >= (1)::numeric))"));
    }

    @Test
    void aCheckIsDroppedBeforeTheColumnItIsAboutChanges() {
        harness.migrate("products", ProductChecked.class);
        CodegenResult result = harness.migrate("retype", ProductRetyped.class);
        assertThat(steps(result)).containsExactly("drop check price_positive on public.products",
                "alter column public.products.price: type numeric(10,2) -> numeric(12,4)",
                "add check price_positive on public.products: price > 0.5");
    }

    @Test
    void aRemovedCheckIsDroppedBeforeItsColumn() {
        harness.migrate("products", ProductChecked.class);
        CodegenResult result = harness.migrate("no_price", o -> o.withAllowDrops(true), SoftDeletedProductWithoutPrice.class);
        List<String> steps = steps(result);
        assertThat(steps.indexOf("drop check price_positive on public.products"))
                .isLessThan(steps.indexOf("drop column public.products.price"));
    }

    @Resource(table = "products")
    record SoftDeletedProductWithoutPrice(@PrimaryKey UUID id, String name) {
    }

    @Test
    void aBaseFilterIsAddedToChecksAndIdentityIndexes() {
        harness.migrate("products", SoftDeletedProduct.class);
        assertThat(harness.catalog.constraints("public.products", "c")).containsExactly(
                Map.entry("name_present", "CHECK (((name IS NOT NULL) OR (NOT (deleted_at IS NULL))))"));
        assertThat(harness.catalog.indexes("public", "products").get("products_unique_name_index"))
                .endsWith("USING btree (name) WHERE (deleted_at IS NULL)");
    }

    @Test
    void aChangedStatementRunsTheOldDownThenTheNewUpAndARemovedOneItsDown() {
        harness.migrate("products", ProductWithView.class);
        assertThat(harness.catalog.count("SELECT count(*) FROM pg_views WHERE viewname = 'cheap_products'")).isEqualTo(1);
        CodegenResult changed = harness.migrate("new_view", ProductWithNewView.class);
        assertThat(steps(changed)).containsExactly("undo statement cheap_view of public.products",
                "run statement cheap_view of public.products");
        assertThat(harness.catalog.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'cheap_products'"))
                .isEqualTo(3);
        CodegenResult removed = harness.migrate("no_view", Product.class);
        assertThat(steps(removed)).containsExactly("undo statement cheap_view of public.products");
        assertThat(harness.catalog.count("SELECT count(*) FROM pg_views WHERE viewname = 'cheap_products'")).isZero();
    }
}
