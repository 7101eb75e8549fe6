package io.ashspring.migrate.model;

import java.util.List;

import io.ashspring.resource.Deferrable;
import io.ashspring.resource.MatchType;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;

/**
 * A foreign key constraint.
 *
 * @param name the constraint name
 * @param columns the referencing columns
 * @param referencedSchema the referenced table's schema
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns (a primary key or unique index on exactly these)
 * @param onDelete what a delete of the referenced row does
 * @param nilifyColumns with {@link OnDelete#NILIFY}: the columns set to null (empty: all), PostgreSQL 15+
 * @param onUpdate what a key change of the referenced row does
 * @param deferrable deferrability
 * @param match the match type of a composite key
 */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns, OnDelete onDelete, List<String> nilifyColumns, OnUpdate onUpdate,
                         Deferrable deferrable, MatchType match) {

    /** Canonical constructor: copies, and fills unset options with PostgreSQL's defaults. */
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        nilifyColumns = nilifyColumns == null ? List.of() : List.copyOf(nilifyColumns);
        onDelete = onDelete == null ? OnDelete.NOTHING : onDelete;
        onUpdate = onUpdate == null ? OnUpdate.NOTHING : onUpdate;
        deferrable = deferrable == null ? Deferrable.NO : deferrable;
        match = match == null ? MatchType.SIMPLE : match;
    }

    /** The referenced table. */
    public QualifiedName referenced() {
        return new QualifiedName(referencedSchema, referencedTable);
    }

    /** The same key with another deferrability. */
    public ForeignKey withDeferrable(Deferrable value) {
        return new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, nilifyColumns,
                onUpdate, value, match);
    }

    /** The same key under another name. */
    public ForeignKey renamed(String newName) {
        return new ForeignKey(newName, columns, referencedSchema, referencedTable, referencedColumns, onDelete, nilifyColumns,
                onUpdate, deferrable, match);
    }
}
