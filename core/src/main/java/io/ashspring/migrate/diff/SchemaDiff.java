package io.ashspring.migrate.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.migrate.MigrationHints;
import io.ashspring.migrate.Prompter;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.migrate.state.RecordedState;

/**
 * The diff from the recorded state to the table model: resolves renames and drops (hints, answers,
 * policy), then plans the operations. Linear in the size of the models: everything is matched by name.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /**
     * The operations that take the recorded state to the target.
     *
     * @param recorded what earlier runs created
     * @param target what the resources declare now
     * @param hints renames and drops the resources declare
     * @param policy what to do with what disappeared
     * @param prompter who answers questions ({@link Prompter#nonInteractive()} for nobody)
     */
    public static DiffResult diff(RecordedState recorded, TableModel target, MigrationHints hints, DropPolicy policy,
                                  Prompter prompter) {
        Map<QualifiedName, Table> old = byName(recorded.model());
        Resolution resolution = new RenameResolver(hints, policy, prompter)
                .resolve(old, recorded.retained(), target, recorded.model().extensions());
        TableModel expected = expected(target, resolution, old);
        if (!resolution.problems.isEmpty()) {
            return new DiffResult(List.of(), expected, resolution.retained, resolution.problems, resolution.warnings);
        }
        List<Operation> operations = new OperationPlanner(old, expected, resolution).plan(recorded.model().extensions());
        return new DiffResult(operations, expected, resolution.retained, List.of(), resolution.warnings);
    }

    /**
     * The operations from one model to another, matching everything by name: no renames, and every
     * difference applied. For checking that a state and a model agree.
     */
    public static List<Operation> compare(TableModel from, TableModel to) {
        RecordedState state = new RecordedState(from, Set.of(), List.of(), List.of());
        return diff(state, to, MigrationHints.NONE, DropPolicy.ALLOW, Prompter.nonInteractive()).operations();
    }

    /** The target plus what is kept instead of dropped; tables whose create options cannot change keep the old ones. */
    private static TableModel expected(TableModel target, Resolution resolution, Map<QualifiedName, Table> old) {
        Map<QualifiedName, QualifiedName> oldNameOf = new LinkedHashMap<>();
        old.keySet().forEach(name -> oldNameOf.put(resolution.newName(name), name));
        List<Table> tables = new ArrayList<>();
        for (Table table : target.tables()) {
            Table result = table;
            List<Column> kept = resolution.keptColumns.getOrDefault(table.qualifiedName(), List.of());
            if (!kept.isEmpty()) {
                List<Column> columns = new ArrayList<>(table.columns());
                columns.addAll(kept);
                result = result.withColumns(columns);
            }
            Table before = old.get(oldNameOf.getOrDefault(table.qualifiedName(), table.qualifiedName()));
            if (before != null && !java.util.Objects.equals(before.createOptions(), table.createOptions())) {
                resolution.warnings.add("the createTableOptions of " + table.qualifiedName() + " changed, but PostgreSQL cannot "
                        + "change them on an existing table: recreate it by hand (or rename the resource's table) to apply them");
                result = new Table(result.schema(), result.name(), result.columns(), result.primaryKey(), result.foreignKeys(),
                        result.indexes(), result.checks(), result.statements(), before.createOptions());
            }
            tables.add(result);
        }
        tables.addAll(resolution.keptTables);
        Set<String> extensions = new LinkedHashSet<>(target.extensions());
        extensions.addAll(resolution.keptExtensions);
        return new TableModel(tables, extensions, target.unmanaged());
    }

    private static Map<QualifiedName, Table> byName(TableModel model) {
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        model.tables().forEach(t -> tables.put(t.qualifiedName(), t));
        return tables;
    }
}
