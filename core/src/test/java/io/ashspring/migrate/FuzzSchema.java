package io.ashspring.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.ashspring.migrate.model.Check;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.PrimaryKey;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.MatchType;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;

/**
 * A random schema that random changes are applied to, turned into a {@link TableModel} the way the
 * resources would be (names of keys, indexes and checks derived from table and column names, so that
 * renames change them like they would in resources). Renames made by a step are returned as hints.
 */
final class FuzzSchema {

    /** Types and the types each may change to (castable, and keeping literal defaults valid). */
    private static final List<List<String>> FAMILIES = List.of(List.of("text", "varchar(20)", "varchar(40)"),
            List.of("integer", "bigint"), List.of("numeric(10,2)", "numeric(12,4)"), List.of("boolean"));

    final List<FuzzTable> tables = new ArrayList<>();
    private final Random random;
    private int counter;
    MigrationHints hints = MigrationHints.NONE;
    final List<String> log = new ArrayList<>();

    FuzzSchema(Random random) {
        this.random = random;
    }

    static final class FuzzTable {
        String name;
        final List<FuzzColumn> columns = new ArrayList<>();
        final List<String> indexed = new ArrayList<>();
        final List<String> unique = new ArrayList<>();
        final List<String> checked = new ArrayList<>();
        final List<FuzzReference> references = new ArrayList<>();
    }

    static final class FuzzColumn {
        String name;
        String type;
        boolean nullable = true;
        String defaultSql;
    }

    static final class FuzzReference {
        String column;
        String target;
        OnDelete onDelete = OnDelete.NOTHING;
        Deferrable deferrable = Deferrable.NO;
    }

    /** Applies one random change; returns what it did. */
    String step() {
        hints = MigrationHints.NONE;
        int choice = tables.isEmpty() ? 0 : random.nextInt(14);
        String done = switch (choice) {
            case 0, 1 -> addTable();
            case 2 -> dropTable();
            case 3 -> renameTable();
            case 4, 5 -> addColumn(anyTable());
            case 6 -> dropColumn(anyTable());
            case 7 -> renameColumn(anyTable());
            case 8 -> retypeColumn(anyTable());
            case 9 -> toggleNullOrDefault(anyTable());
            case 10 -> toggleIndex(anyTable());
            case 11 -> toggleCheck(anyTable());
            case 12 -> addReference(anyTable());
            default -> changeReference(anyTable());
        };
        log.add(done);
        return done;
    }

    TableModel model() {
        List<Table> built = new ArrayList<>();
        for (FuzzTable t : tables) {
            List<Column> columns = new ArrayList<>();
            columns.add(new Column("id", "uuid", false, "gen_random_uuid()", ColumnGeneration.NONE));
            t.columns.forEach(c -> columns.add(new Column(c.name, c.type, c.nullable, c.defaultSql, ColumnGeneration.NONE)));
            List<Index> indexes = new ArrayList<>();
            t.indexed.forEach(c -> indexes.add(new Index(t.name + "_" + c + "_index", List.of(IndexKey.column(c)), false, null, null,
                    List.of(), true, false)));
            t.unique.forEach(c -> indexes.add(new Index(t.name + "_unique_" + c + "_index", List.of(IndexKey.column(c)), true, null,
                    null, List.of(), true, false)));
            List<ForeignKey> keys = t.references.stream().map(r -> new ForeignKey(t.name + "_" + r.column + "_fkey", List.of(r.column),
                    "public", r.target, List.of("id"), r.onDelete, List.of(), OnUpdate.NOTHING, r.deferrable, MatchType.SIMPLE)).toList();
            List<Check> checks = t.checked.stream().map(c -> new Check(t.name + "_" + c + "_check", "\"" + c + "\" >= 0", List.of(c))).toList();
            built.add(new Table("public", t.name, columns, new PrimaryKey(t.name + "_pkey", List.of("id")), keys, indexes, checks,
                    List.of(), null));
        }
        return new TableModel(built, Set.of());
    }

    private String addTable() {
        FuzzTable table = new FuzzTable();
        table.name = "t" + (++counter);
        tables.add(table);
        addColumn(table);
        return "add table " + table.name;
    }

    private String dropTable() {
        FuzzTable table = anyTable();
        tables.remove(table);
        tables.forEach(t -> t.references.removeIf(r -> r.target.equals(table.name)));
        return "drop table " + table.name;
    }

    private String renameTable() {
        FuzzTable table = anyTable();
        String old = table.name;
        table.name = "t" + (++counter);
        tables.forEach(t -> t.references.stream().filter(r -> r.target.equals(old)).forEach(r -> r.target = table.name));
        hints = hints.withRenamedTable(new QualifiedName("public", table.name), new QualifiedName("public", old));
        return "rename table " + old + " to " + table.name;
    }

    private String addColumn(FuzzTable table) {
        FuzzColumn column = new FuzzColumn();
        column.name = "c" + (++counter);
        List<String> family = FAMILIES.get(random.nextInt(FAMILIES.size()));
        column.type = family.get(random.nextInt(family.size()));
        column.nullable = random.nextBoolean(); // tables stay empty, so NOT NULL without a default is fine
        if (random.nextBoolean()) {
            column.defaultSql = literal(column.type);
        }
        table.columns.add(column);
        return "add column " + table.name + "." + column.name + " " + column.type;
    }

    private String dropColumn(FuzzTable table) {
        FuzzColumn column = anyColumn(table);
        if (column == null) {
            return addColumn(table);
        }
        table.columns.remove(column);
        table.indexed.remove(column.name);
        table.unique.remove(column.name);
        table.checked.remove(column.name);
        table.references.removeIf(r -> r.column.equals(column.name));
        return "drop column " + table.name + "." + column.name;
    }

    private String renameColumn(FuzzTable table) {
        FuzzColumn column = anyColumn(table);
        if (column == null) {
            return addColumn(table);
        }
        String old = column.name;
        column.name = "c" + (++counter);
        rename(table.indexed, old, column.name);
        rename(table.unique, old, column.name);
        rename(table.checked, old, column.name);
        table.references.stream().filter(r -> r.column.equals(old)).forEach(r -> r.column = column.name);
        hints = hints.withRenamedColumn(new QualifiedName("public", table.name), column.name, old);
        return "rename column " + table.name + "." + old + " to " + column.name;
    }

    private String retypeColumn(FuzzTable table) {
        FuzzColumn column = anyColumn(table);
        if (column == null || column.type.equals("uuid")) {
            return addColumn(table);
        }
        List<String> family = FAMILIES.stream().filter(f -> f.contains(column.type)).findFirst().orElseThrow();
        String before = column.type;
        column.type = family.get(random.nextInt(family.size()));
        return "retype column " + table.name + "." + column.name + " " + before + " -> " + column.type;
    }

    private String toggleNullOrDefault(FuzzTable table) {
        FuzzColumn column = anyColumn(table);
        if (column == null) {
            return addColumn(table);
        }
        if (random.nextBoolean()) {
            column.nullable = !column.nullable;
            return "nullable " + table.name + "." + column.name + " = " + column.nullable;
        }
        column.defaultSql = column.defaultSql == null && !column.type.equals("uuid") ? literal(column.type) : null;
        return "default " + table.name + "." + column.name + " = " + column.defaultSql;
    }

    private String toggleIndex(FuzzTable table) {
        FuzzColumn column = anyColumn(table);
        if (column == null) {
            return addColumn(table);
        }
        List<String> list = random.nextBoolean() ? table.indexed : table.unique;
        if (!list.remove(column.name)) {
            list.add(column.name);
        }
        return "toggle " + (list == table.unique ? "unique " : "") + "index on " + table.name + "." + column.name;
    }

    private String toggleCheck(FuzzTable table) {
        FuzzColumn column = table.columns.stream().filter(c -> c.type.equals("integer") || c.type.equals("bigint")).findFirst().orElse(null);
        if (column == null) {
            return addColumn(table);
        }
        if (!table.checked.remove(column.name)) {
            table.checked.add(column.name);
        }
        return "toggle check on " + table.name + "." + column.name;
    }

    private String addReference(FuzzTable table) {
        FuzzTable target = anyTable();
        FuzzColumn column = new FuzzColumn();
        column.name = "c" + (++counter);
        column.type = "uuid";
        table.columns.add(column);
        FuzzReference reference = new FuzzReference();
        reference.column = column.name;
        reference.target = target.name;
        table.references.add(reference);
        return "add reference " + table.name + "." + column.name + " -> " + target.name;
    }

    private String changeReference(FuzzTable table) {
        if (table.references.isEmpty()) {
            return addReference(table);
        }
        FuzzReference reference = table.references.get(random.nextInt(table.references.size()));
        switch (random.nextInt(3)) {
            case 0 -> reference.onDelete = OnDelete.values()[random.nextInt(3)];
            case 1 -> reference.deferrable = Deferrable.values()[random.nextInt(Deferrable.values().length)];
            default -> {
                table.references.remove(reference);
                return "drop reference " + table.name + "." + reference.column;
            }
        }
        return "change reference " + table.name + "." + reference.column + " " + reference.onDelete + " " + reference.deferrable;
    }

    private FuzzTable anyTable() {
        return tables.get(random.nextInt(tables.size()));
    }

    private FuzzColumn anyColumn(FuzzTable table) {
        return table.columns.isEmpty() ? null : table.columns.get(random.nextInt(table.columns.size()));
    }

    private String literal(String type) {
        if (type.startsWith("numeric")) {
            return random.nextInt(100) + ".5";
        }
        return switch (type) {
            case "integer", "bigint" -> String.valueOf(random.nextInt(100));
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> "'v" + random.nextInt(100) + "'";
        };
    }

    private static void rename(List<String> names, String from, String to) {
        names.replaceAll(n -> n.equals(from) ? to : n);
    }
}
