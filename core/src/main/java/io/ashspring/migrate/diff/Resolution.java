package io.ashspring.migrate.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;

/**
 * How the old tables and columns map onto the new ones, as decided by hints, answers and the drop
 * policy. Everything not listed here is matched by name.
 */
final class Resolution {

    /** Old table → its new name (renamed or moved). */
    final Map<QualifiedName, QualifiedName> renamedTables = new LinkedHashMap<>();
    /** Old tables to drop. */
    final List<Table> droppedTables = new ArrayList<>();
    /** Old tables to keep as they are (a declined, skipped or earlier declined drop; or migrate = false). */
    final List<Table> keptTables = new ArrayList<>();
    /** Tables kept because their drop was declined or skipped: remembered in the state. */
    final Set<QualifiedName> retained = new LinkedHashSet<>();
    /** New table → old column → new column. */
    final Map<QualifiedName, Map<String, String>> renamedColumns = new LinkedHashMap<>();
    /** New table → old columns to keep although the resource lost them. */
    final Map<QualifiedName, List<Column>> keptColumns = new LinkedHashMap<>();
    /** Extensions to keep although no resource needs them anymore. */
    final Set<String> keptExtensions = new LinkedHashSet<>();
    final List<String> problems = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    /** The new name of an old table (itself when not renamed). */
    QualifiedName newName(QualifiedName old) {
        return renamedTables.getOrDefault(old, old);
    }

    /** The new name of a column of a table known by its new name (itself when not renamed). */
    String newColumn(QualifiedName newTable, String oldColumn) {
        return renamedColumns.getOrDefault(newTable, Map.of()).getOrDefault(oldColumn, oldColumn);
    }
}
