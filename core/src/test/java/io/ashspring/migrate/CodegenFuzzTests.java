package io.ashspring.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.Table;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of schema changes: after each codegen run, applied by Liquibase, the database
 * matches the model (read back from the catalog), a second run reports no changes, and every third
 * run is rolled back to exactly the catalog before it and applied again.
 */
class CodegenFuzzTests {

    private static final int STEPS = 15;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7L, 42L, 2026L})
    void theDatabaseMatchesTheModelAfterEveryRun(long seed) {
        CodegenHarness harness = new CodegenHarness(directory);
        FuzzSchema schema = new FuzzSchema(new Random(seed));
        for (int step = 1; step <= STEPS; step++) {
            String change = schema.step();
            String context = "seed " + seed + ", step " + step + " (" + change + "), after: " + schema.log;
            TableModel model = schema.model();
            List<String> before = harness.catalog.snapshot();
            CodegenResult result = new MigrationGenerator(harness.options("step" + step).withAllowDrops(true))
                    .generate(model, schema.hints);
            harness.noteRun(result);
            if (result.outcome() != CodegenResult.Outcome.WRITTEN) {
                continue; // a change that cancels out (e.g. a check on a column dropped right after)
            }
            harness.apply();
            assertThat(describe(harness)).as(context).isEqualTo(expected(model));
            assertDefaults(harness, model, context);
            CodegenResult again = new MigrationGenerator(harness.options("again")).check(model, MigrationHints.NONE);
            assertThat(again.report()).as(context).isEqualTo(CodegenResult.NO_CHANGES);
            if (step % 3 == 0) {
                List<String> after = harness.catalog.snapshot();
                harness.rollbackLast();
                assertThat(harness.catalog.snapshot()).as("rolled back: " + context).isEqualTo(before);
                harness.apply();
                assertThat(harness.catalog.snapshot()).as("applied again: " + context).isEqualTo(after);
            }
        }
    }

    /** What the catalog should say about the model, in the words of {@link #describe(CodegenHarness)}. */
    private static List<String> expected(TableModel model) {
        TreeSet<String> lines = new TreeSet<>();
        for (Table table : model.tables()) {
            String t = table.name();
            lines.add("table " + t);
            for (Column column : table.columns()) {
                lines.add("column " + t + "." + column.name() + " " + formatType(column.type()) + (column.nullable() ? "" : " not null"));
            }
            lines.add("pk " + t + "." + table.primaryKey().name() + " " + table.primaryKey().columns());
            for (ForeignKey key : table.foreignKeys()) {
                lines.add("fk " + t + "." + key.name() + " " + key.columns() + " -> " + key.referencedTable() + key.referencedColumns()
                        + " " + switch (key.onDelete()) {
                            case NOTHING -> "a";
                            case RESTRICT -> "r";
                            case DELETE -> "c";
                            case NILIFY -> "n";
                        } + " " + (key.deferrable() != io.ashspring.resource.Deferrable.NO) + " "
                        + (key.deferrable() == io.ashspring.resource.Deferrable.INITIALLY_DEFERRED));
            }
            for (Index index : table.indexes()) {
                lines.add("index " + t + "." + index.name() + " " + index.unique() + " " + index.columns());
            }
            table.checks().forEach(c -> lines.add("check " + t + "." + c.name()));
        }
        return new ArrayList<>(lines);
    }

    private static List<String> describe(CodegenHarness harness) {
        TreeSet<String> lines = new TreeSet<>();
        var jdbc = harness.jdbc;
        lines.addAll(jdbc.sql("SELECT 'table ' || relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' "
                + "AND relname NOT LIKE 'databasechangelog%'").query(String.class).list());
        lines.addAll(jdbc.sql("SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) "
                + "|| CASE WHEN a.attnotnull THEN ' not null' ELSE '' END FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname NOT LIKE 'databasechangelog%' "
                + "AND a.attnum > 0 AND NOT a.attisdropped").query(String.class).list());
        String columnsOf = "(SELECT '[' || string_agg(a.attname, ', ' ORDER BY u.ord) || ']' FROM unnest(%s) WITH ORDINALITY u(num, ord) "
                + "JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = u.num)";
        lines.addAll(jdbc.sql("SELECT 'pk ' || c.relname || '.' || k.conname || ' ' || " + columnsOf.formatted("k.conkey", "k.conrelid")
                + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'p' "
                + "AND c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'databasechangelog%'").query(String.class).list());
        lines.addAll(jdbc.sql("SELECT 'fk ' || c.relname || '.' || k.conname || ' ' || " + columnsOf.formatted("k.conkey", "k.conrelid")
                + " || ' -> ' || r.relname || " + columnsOf.formatted("k.confkey", "k.confrelid")
                + " || ' ' || k.confdeltype::text || ' ' || k.condeferrable || ' ' || k.condeferred "
                + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid "
                + "WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace").query(String.class).list());
        lines.addAll(jdbc.sql("SELECT 'index ' || c.relname || '.' || i.relname || ' ' || x.indisunique || ' ' || "
                + columnsOf.formatted("x.indkey::int2[]", "x.indrelid")
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid "
                + "WHERE NOT x.indisprimary AND c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'databasechangelog%'")
                .query(String.class).list());
        lines.addAll(jdbc.sql("SELECT 'check ' || c.relname || '.' || k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                + "WHERE k.contype = 'c' AND c.relnamespace = 'public'::regnamespace").query(String.class).list());
        return new ArrayList<>(lines);
    }

    /** Column defaults compared by value: the model's default and the catalog's, both evaluated by PostgreSQL. */
    private static void assertDefaults(CodegenHarness harness, TableModel model, String context) {
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                String actual = harness.jdbc.sql("SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a "
                                + "ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = ?::regclass AND a.attname = ?")
                        .params("public." + table.name(), column.name()).query(String.class).optional().orElse(null);
                if (column.defaultSql() == null || actual == null) {
                    assertThat(actual).as(context + ": default of " + table.name() + "." + column.name()).isEqualTo(column.defaultSql());
                } else if (!column.type().equals("uuid")) {
                    Map<String, Object> values = harness.jdbc.sql("SELECT (" + column.defaultSql() + ")::" + column.type() + "::text AS expected, ("
                            + actual + ")::" + column.type() + "::text AS actual").query().singleRow();
                    assertThat(values.get("actual")).as(context + ": default of " + table.name() + "." + column.name())
                            .isEqualTo(values.get("expected"));
                }
            }
        }
    }

    private static String formatType(String type) {
        if (type.startsWith("varchar(")) {
            return "character varying" + type.substring("varchar".length());
        }
        return type;
    }
}
