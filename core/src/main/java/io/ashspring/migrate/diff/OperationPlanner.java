package io.ashspring.migrate.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.Check;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Statement;
import io.ashspring.migrate.model.Table;
import io.ashspring.migrate.operation.AddCheck;
import io.ashspring.migrate.operation.AddColumn;
import io.ashspring.migrate.operation.AddForeignKey;
import io.ashspring.migrate.operation.AddIndex;
import io.ashspring.migrate.operation.AddPrimaryKey;
import io.ashspring.migrate.operation.AddStatement;
import io.ashspring.migrate.operation.AlterColumn;
import io.ashspring.migrate.operation.AlterDeferrability;
import io.ashspring.migrate.operation.CreateExtension;
import io.ashspring.migrate.operation.CreateSchema;
import io.ashspring.migrate.operation.CreateTable;
import io.ashspring.migrate.operation.DropCheck;
import io.ashspring.migrate.operation.DropColumn;
import io.ashspring.migrate.operation.DropExtension;
import io.ashspring.migrate.operation.DropForeignKey;
import io.ashspring.migrate.operation.DropIndex;
import io.ashspring.migrate.operation.DropPrimaryKey;
import io.ashspring.migrate.operation.DropTable;
import io.ashspring.migrate.operation.MoveTable;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.migrate.operation.RemoveStatement;
import io.ashspring.migrate.operation.RenameColumn;
import io.ashspring.migrate.operation.RenameConstraint;
import io.ashspring.migrate.operation.RenameIndex;
import io.ashspring.migrate.operation.RenameTable;

/**
 * Plans the operations from the old model to the expected one, once renames and drops are resolved.
 * Old tables are first renamed as resolved (names, columns, and the foreign keys pointing at them), so
 * that what PostgreSQL carries through a rename (indexes, keys, checks over a renamed column) compares
 * equal and is left alone. Operations are listed in a readable natural order (drops, renames, creates,
 * columns, keys, indexes, foreign keys, checks, statements); the sort enforces what must come first.
 */
final class OperationPlanner {

    private final Map<QualifiedName, Table> old;
    private final TableModel expected;
    private final Resolution resolution;
    private final ChangeSets changeSets = new ChangeSets();
    private final List<Operation> early = new ArrayList<>();
    private final List<Operation> renames = new ArrayList<>();
    private final List<Operation> creates = new ArrayList<>();
    private final List<Operation> columns = new ArrayList<>();
    private final List<Operation> keys = new ArrayList<>();
    private final List<Operation> indexes = new ArrayList<>();
    private final List<Operation> foreignKeys = new ArrayList<>();
    private final List<Operation> late = new ArrayList<>();
    private final List<Operation> drops = new ArrayList<>();

    OperationPlanner(Map<QualifiedName, Table> old, TableModel expected, Resolution resolution) {
        this.old = old;
        this.expected = expected;
        this.resolution = resolution;
    }

    List<Operation> plan(Set<String> oldExtensions) {
        Map<QualifiedName, Table> now = new LinkedHashMap<>();
        expected.tables().forEach(t -> now.put(t.qualifiedName(), t));
        Set<QualifiedName> kept = new LinkedHashSet<>();
        resolution.keptTables.forEach(t -> kept.add(t.qualifiedName()));
        Set<QualifiedName> dropped = new LinkedHashSet<>();
        resolution.droppedTables.forEach(t -> dropped.add(t.qualifiedName()));
        Map<QualifiedName, Table> renamedOld = new LinkedHashMap<>();
        for (Table table : old.values()) {
            QualifiedName name = table.qualifiedName();
            if (!kept.contains(name) && !dropped.contains(name)) {
                Table before = renamed(table);
                renamedOld.put(name, before);
                changeSets.record(before, now.get(before.qualifiedName()));
            }
        }
        List<Operation> head = new ArrayList<>();
        expected.extensions().stream().filter(e -> !oldExtensions.contains(e)).forEach(e -> head.add(new CreateExtension(e)));
        Set<String> oldSchemas = new LinkedHashSet<>();
        old.values().forEach(t -> oldSchemas.add(t.schema()));
        expected.schemas().stream()
                .filter(s -> !s.equals("public") && !s.equals(TableModel.TENANT_SCHEMA) && !oldSchemas.contains(s))
                .forEach(s -> head.add(new CreateSchema(s)));
        renamedOld.forEach((oldName, before) -> planTable(oldName, before, now.get(before.qualifiedName())));
        Set<QualifiedName> paired = new LinkedHashSet<>();
        renamedOld.values().forEach(t -> paired.add(t.qualifiedName()));
        kept.forEach(paired::add);
        now.values().stream().filter(t -> !paired.contains(t.qualifiedName())).forEach(this::planCreate);
        resolution.droppedTables.forEach(this::planDrop);
        oldExtensions.stream().filter(e -> !expected.extensions().contains(e)).forEach(e -> drops.add(new DropExtension(e)));
        List<Operation> all = new ArrayList<>(head);
        for (List<Operation> phase : List.of(early, renames, creates, columns, keys, indexes, foreignKeys, late, drops)) {
            all.addAll(phase);
        }
        return all;
    }

    /** The old table as it is after the resolved renames: its new name, new column names, and references to renamed tables. */
    private Table renamed(Table table) {
        QualifiedName newName = resolution.newName(table.qualifiedName());
        Table moved = table.at(newName).mapColumns(c -> resolution.newColumn(newName, c));
        return moved.withForeignKeys(moved.foreignKeys().stream().map(f -> {
            QualifiedName target = resolution.newName(f.referenced());
            return new ForeignKey(f.name(), f.columns(), target.schema(), target.name(),
                    f.referencedColumns().stream().map(c -> resolution.newColumn(target, c)).toList(), f.onDelete(),
                    f.nilifyColumns(), f.onUpdate(), f.deferrable(), f.match());
        }).toList());
    }

    private void planTable(QualifiedName oldName, Table before, Table after) {
        QualifiedName name = after.qualifiedName();
        if (!oldName.schema().equals(name.schema())) {
            renames.add(new MoveTable(oldName, name.schema()));
        }
        if (!oldName.name().equals(name.name())) {
            renames.add(new RenameTable(oldName.inSchema(name.schema()), name.name()));
        }
        resolution.renamedColumns.getOrDefault(name, Map.of())
                .forEach((from, to) -> renames.add(new RenameColumn(name, from, to)));
        planStatements(oldName, before, after);
        // a check (or statement) under a new name is a new one: never renamed in place
        compare(before.checks(), after.checks(), Check::name, Objects::equals,
                c -> early.add(new DropCheck(name, c)), c -> late.add(new AddCheck(name, c)), (o, n) -> false, (o, n) -> { });
        planColumns(name, before, after);
        planPrimaryKey(name, before, after);
        compare(before.indexes(), after.indexes(), Index::name, Index::sameDefinition,
                i -> early.add(new DropIndex(name, i)), i -> indexes.add(new AddIndex(name, i)),
                Index::sameDefinition, (o, n) -> indexes.add(new RenameIndex(name, o.name(), n.name())));
        planForeignKeys(name, before, after);
    }

    private void planStatements(QualifiedName oldName, Table before, Table after) {
        // a changed statement runs the old down (before any structural change), then the new up (after all of them)
        compare(before.statements(), after.statements(), Statement::name, Objects::equals,
                s -> early.add(new RemoveStatement(oldName, s)), s -> late.add(new AddStatement(after.qualifiedName(), s)),
                (o, n) -> false, (o, n) -> { });
    }

    private void planColumns(QualifiedName name, Table before, Table after) {
        Map<String, Column> old = new LinkedHashMap<>();
        before.columns().forEach(c -> old.put(c.name(), c));
        for (Column column : after.columns()) {
            Column previous = old.remove(column.name());
            if (previous == null) {
                columns.add(new AddColumn(name, column));
                if (!column.nullable() && column.defaultSql() == null && column.generation() == ColumnGeneration.NONE) {
                    resolution.warnings.add("adds the NOT NULL column " + name + "." + column.name() + " without a default: "
                            + "it fails if the table has rows");
                }
            } else if (!previous.equals(column)) {
                columns.add(new AlterColumn(name, previous, column));
                if (!previous.type().equals(column.type())) {
                    resolution.warnings.add("changes the type of " + name + "." + column.name() + " from " + previous.type() + " to "
                            + column.type() + ": existing values are cast, and the migration fails if one cannot be");
                }
            }
        }
        old.values().forEach(c -> columns.add(new DropColumn(name, c)));
    }

    private void planPrimaryKey(QualifiedName name, Table before, Table after) {
        List<String> oldKey = before.primaryKey() == null ? null : before.primaryKey().columns();
        List<String> newKey = after.primaryKey() == null ? null : after.primaryKey().columns();
        if (!Objects.equals(oldKey, newKey)) {
            if (before.primaryKey() != null) {
                early.add(new DropPrimaryKey(name, before.primaryKey()));
            }
            if (after.primaryKey() != null) {
                keys.add(new AddPrimaryKey(name, after.primaryKey()));
            }
        } else if (oldKey != null && !before.primaryKey().name().equals(after.primaryKey().name())) {
            keys.add(new RenameConstraint(name, before.primaryKey().name(), after.primaryKey().name()));
        }
    }

    private void planForeignKeys(QualifiedName name, Table before, Table after) {
        compare(before.foreignKeys(), after.foreignKeys(), ForeignKey::name,
                (o, n) -> o.withDeferrable(n.deferrable()).equals(n) && !changeSets.forcesRecreation(name, o),
                f -> early.add(new DropForeignKey(name, f)), f -> foreignKeys.add(new AddForeignKey(name, f)),
                (o, n) -> o.renamed(n.name()).equals(n) && !changeSets.forcesRecreation(name, o),
                (o, n) -> keys.add(new RenameConstraint(name, o.name(), n.name())));
        Map<String, ForeignKey> now = new LinkedHashMap<>();
        after.foreignKeys().forEach(f -> now.put(f.name(), f));
        for (ForeignKey key : before.foreignKeys()) {
            ForeignKey same = now.get(key.name());
            if (same != null && same.deferrable() != key.deferrable() && key.withDeferrable(same.deferrable()).equals(same)
                    && !changeSets.forcesRecreation(name, key)) {
                foreignKeys.add(new AlterDeferrability(name, key.name(), key.deferrable(), same.deferrable()));
            }
        }
    }

    private void planCreate(Table table) {
        QualifiedName name = table.qualifiedName();
        creates.add(new CreateTable(table));
        table.indexes().forEach(i -> indexes.add(new AddIndex(name, i)));
        table.foreignKeys().forEach(f -> foreignKeys.add(new AddForeignKey(name, f)));
        table.checks().forEach(c -> late.add(new AddCheck(name, c)));
        table.statements().forEach(s -> late.add(new AddStatement(name, s)));
    }

    private void planDrop(Table table) {
        QualifiedName name = table.qualifiedName();
        table.statements().forEach(s -> early.add(new RemoveStatement(name, s)));
        table.checks().forEach(c -> early.add(new DropCheck(name, c)));
        table.foreignKeys().forEach(f -> early.add(new DropForeignKey(name, f)));
        table.indexes().forEach(i -> early.add(new DropIndex(name, i)));
        drops.add(new DropTable(table));
    }

    /**
     * Compares named elements: same name and {@code same} → nothing; otherwise the old one is dropped
     * and the new one added, unless an old and a new element of different names are {@code renamable}
     * into each other: then {@code rename} is called instead.
     */
    private static <T> void compare(List<T> before, List<T> after, Function<T, String> name, BiPredicate<T, T> same,
                                    Consumer<T> drop, Consumer<T> add, BiPredicate<T, T> renamable, BiConsumer<T, T> rename) {
        Map<String, T> now = new LinkedHashMap<>();
        after.forEach(e -> now.put(name.apply(e), e));
        List<T> gone = new ArrayList<>();
        for (T element : before) {
            T match = now.get(name.apply(element));
            if (match == null) {
                gone.add(element);
            } else {
                if (!same.test(element, match)) {
                    drop.accept(element);
                    add.accept(match);
                }
                now.remove(name.apply(element));
            }
        }
        for (T element : gone) {
            T renamedTo = now.values().stream().filter(n -> renamable.test(element, n)).findFirst().orElse(null);
            if (renamedTo == null) {
                drop.accept(element);
            } else {
                rename.accept(element, renamedTo);
                now.remove(name.apply(renamedTo));
            }
        }
        now.values().forEach(add);
    }
}
