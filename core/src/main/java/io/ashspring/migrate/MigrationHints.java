package io.ashspring.migrate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.resource.Names;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.MigrationOptions;
import io.ashspring.resource.model.ResourceModel;

/**
 * What the developer declared about renames and drops ({@code @Renamed}, {@code @Dropped}): the only
 * way, with an interactive answer, that the generator emits a rename or a column drop without the
 * global opt-in. Hints naming something that is no longer in the recorded state have no effect.
 *
 * @param renamedTables current table → its previous name
 * @param renamedColumns current table → current column → the column's previous name
 * @param droppableColumns current table → columns that may be dropped
 */
public record MigrationHints(Map<QualifiedName, QualifiedName> renamedTables,
                             Map<QualifiedName, Map<String, String>> renamedColumns,
                             Map<QualifiedName, Set<String>> droppableColumns) {

    /** No hints. */
    public static final MigrationHints NONE = new MigrationHints(Map.of(), Map.of(), Map.of());

    /** Canonical constructor: copies. */
    public MigrationHints {
        renamedTables = Map.copyOf(renamedTables);
        Map<QualifiedName, Map<String, String>> columns = new HashMap<>();
        renamedColumns.forEach((table, renames) -> columns.put(table, Map.copyOf(renames)));
        renamedColumns = Map.copyOf(columns);
        Map<QualifiedName, Set<String>> drops = new HashMap<>();
        droppableColumns.forEach((table, names) -> drops.put(table, Set.copyOf(names)));
        droppableColumns = Map.copyOf(drops);
    }

    /** The hints the resources declare. */
    public static MigrationHints from(ResourceRegistry registry) {
        Map<QualifiedName, QualifiedName> tables = new HashMap<>();
        Map<QualifiedName, Map<String, String>> columns = new HashMap<>();
        Map<QualifiedName, Set<String>> drops = new HashMap<>();
        for (ResourceModel resource : registry.resources()) {
            if (resource.table() == null || !resource.migrate()) {
                continue;
            }
            QualifiedName table = new QualifiedName(resource.schema(), resource.table());
            MigrationOptions options = resource.migrationOptions();
            if (options.renamedFrom() != null) {
                tables.put(table, QualifiedName.parse(options.renamedFrom(), resource.schema()));
            }
            options.renamedColumns().forEach((attribute, previous) -> columns.computeIfAbsent(table, t -> new HashMap<>())
                    .put(resource.requireAttribute(attribute).column(), previous));
            if (!options.droppedColumns().isEmpty()) {
                drops.computeIfAbsent(table, t -> new HashSet<>()).addAll(options.droppedColumns());
            }
        }
        return new MigrationHints(tables, columns, drops);
    }

    /** The previous name of a table, if declared. */
    public Optional<QualifiedName> previousTable(QualifiedName table) {
        return Optional.ofNullable(renamedTables.get(table));
    }

    /**
     * The previous name of a column among the candidates (columns that disappeared), if declared: the
     * hint as written, or its snake_case form ({@code @Renamed(from = "oldTitle")} finds {@code old_title}).
     */
    public Optional<String> previousColumn(QualifiedName table, String column, Set<String> candidates) {
        String hint = renamedColumns.getOrDefault(table, Map.of()).get(column);
        if (hint == null) {
            return Optional.empty();
        }
        if (candidates.contains(hint)) {
            return Optional.of(hint);
        }
        String snake = Names.snakeCase(hint);
        return candidates.contains(snake) ? Optional.of(snake) : Optional.empty();
    }

    /** Whether a column of a table may be dropped. */
    public boolean mayDrop(QualifiedName table, String column) {
        return droppableColumns.getOrDefault(table, Set.of()).contains(column);
    }

    /** These hints plus a table rename. */
    public MigrationHints withRenamedTable(QualifiedName current, QualifiedName previous) {
        Map<QualifiedName, QualifiedName> tables = new HashMap<>(renamedTables);
        tables.put(current, previous);
        return new MigrationHints(tables, renamedColumns, droppableColumns);
    }

    /** These hints plus a column rename. */
    public MigrationHints withRenamedColumn(QualifiedName table, String current, String previous) {
        Map<QualifiedName, Map<String, String>> columns = new HashMap<>(renamedColumns);
        Map<String, String> renames = new HashMap<>(columns.getOrDefault(table, Map.of()));
        renames.put(current, previous);
        columns.put(table, renames);
        return new MigrationHints(renamedTables, columns, droppableColumns);
    }

    /** These hints plus a column that may be dropped. */
    public MigrationHints withDroppableColumn(QualifiedName table, String column) {
        Map<QualifiedName, Set<String>> drops = new HashMap<>(droppableColumns);
        Set<String> names = new HashSet<>(drops.getOrDefault(table, Set.of()));
        names.add(column);
        drops.put(table, names);
        return new MigrationHints(renamedTables, renamedColumns, drops);
    }
}
