package io.ashspring.migrate.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;

/**
 * What changes under foreign keys, found before any operation is planned: a foreign key that is the
 * same in both models must still be dropped and re-added when a column it uses changes type, when the
 * primary key it points at changes, or when the unique index it relies on is dropped.
 */
final class ChangeSets {

    private final Set<String> retypedColumns = new HashSet<>();
    private final Set<String> changedPrimaryKeys = new HashSet<>();
    private final Set<String> droppedUniqueKeys = new HashSet<>();

    /** Records what changes between the old table (already renamed) and the new one. */
    void record(Table before, Table after) {
        QualifiedName table = after.qualifiedName();
        for (Column column : before.columns()) {
            after.column(column.name()).filter(c -> !c.type().equals(column.type()))
                    .ifPresent(c -> retypedColumns.add(table + "." + column.name()));
        }
        List<String> oldKey = before.primaryKey() == null ? List.of() : before.primaryKey().columns();
        List<String> newKey = after.primaryKey() == null ? List.of() : after.primaryKey().columns();
        if (!oldKey.isEmpty() && !oldKey.equals(newKey)) {
            changedPrimaryKeys.add(key(table, oldKey));
        }
        Map<String, Index> now = new java.util.HashMap<>();
        after.indexes().forEach(i -> now.put(i.name(), i));
        for (Index index : before.indexes()) {
            Index same = now.get(index.name());
            if (index.backsForeignKeys() && (same == null || !same.sameDefinition(index))) {
                droppedUniqueKeys.add(key(table, index.columns()));
            }
        }
    }

    /** Whether an unchanged foreign key (of the old model, renamed) must be dropped and re-added. */
    boolean forcesRecreation(QualifiedName table, ForeignKey key) {
        String target = key(key.referenced(), key.referencedColumns());
        return key.columns().stream().anyMatch(c -> retypedColumns.contains(table + "." + c))
                || key.referencedColumns().stream().anyMatch(c -> retypedColumns.contains(key.referenced() + "." + c))
                || changedPrimaryKeys.contains(target) || droppedUniqueKeys.contains(target);
    }

    private static String key(QualifiedName table, List<String> columns) {
        List<String> sorted = new ArrayList<>(columns);
        sorted.sort(null);
        return table + sorted.toString();
    }
}
