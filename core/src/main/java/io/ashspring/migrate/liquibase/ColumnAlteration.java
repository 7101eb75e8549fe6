package io.ashspring.migrate.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.QualifiedName;

import liquibase.change.Change;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.statement.DatabaseFunction;

/**
 * The changes of one column alteration, touching only what differs, in an order PostgreSQL accepts:
 * generation removed, default removed, type, nullability, default set, generation added. Serial and
 * identity transitions keep numbering after the largest existing value.
 */
final class ColumnAlteration {

    private ColumnAlteration() {
    }

    static List<Change> changes(QualifiedName table, Column from, Column to) {
        List<Change> changes = new ArrayList<>();
        boolean generationChanged = from.generation() != to.generation();
        boolean typeChanged = !from.type().equals(to.type());
        String fromDefault = from.generation() == ColumnGeneration.NONE ? from.defaultSql() : null;
        String toDefault = to.generation() == ColumnGeneration.NONE ? to.defaultSql() : null;
        // a default that cannot be cast would fail the type change: take it off and put it back after
        boolean resetDefault = !Objects.equals(fromDefault, toDefault) || typeChanged;
        if (generationChanged && from.generation() == ColumnGeneration.IDENTITY) {
            changes.addAll(ChangeRenderer.sql(Ddl.dropIdentity(table, from.name())));
        }
        if (generationChanged && from.generation() == ColumnGeneration.SERIAL) {
            changes.addAll(ChangeRenderer.sql(Ddl.dropSerial(table, from.name())));
        }
        if (resetDefault && fromDefault != null) {
            DropDefaultValueChange drop = new DropDefaultValueChange();
            drop.setSchemaName(table.schema());
            drop.setTableName(table.name());
            drop.setColumnName(from.name());
            changes.add(drop);
        }
        if (typeChanged) {
            ModifyDataTypeChange modify = new ModifyDataTypeChange();
            modify.setSchemaName(table.schema());
            modify.setTableName(table.name());
            modify.setColumnName(to.name());
            modify.setNewDataType(to.type());
            changes.add(modify);
        }
        if (from.nullable() && !to.nullable()) {
            AddNotNullConstraintChange notNull = new AddNotNullConstraintChange();
            notNull.setSchemaName(table.schema());
            notNull.setTableName(table.name());
            notNull.setColumnName(to.name());
            notNull.setColumnDataType(to.type());
            changes.add(notNull);
        } else if (!from.nullable() && to.nullable()) {
            DropNotNullConstraintChange nullable = new DropNotNullConstraintChange();
            nullable.setSchemaName(table.schema());
            nullable.setTableName(table.name());
            nullable.setColumnName(to.name());
            nullable.setColumnDataType(to.type());
            changes.add(nullable);
        }
        if (resetDefault && toDefault != null) {
            AddDefaultValueChange add = new AddDefaultValueChange();
            add.setSchemaName(table.schema());
            add.setTableName(table.name());
            add.setColumnName(to.name());
            add.setColumnDataType(to.type());
            add.setDefaultValueComputed(new DatabaseFunction(toDefault));
            changes.add(add);
        }
        if (generationChanged && to.generation() == ColumnGeneration.IDENTITY) {
            changes.addAll(ChangeRenderer.sql(Ddl.addIdentity(table, to.name())));
        }
        if (generationChanged && to.generation() == ColumnGeneration.SERIAL) {
            changes.addAll(ChangeRenderer.sql(Ddl.addSerial(table, to)));
        }
        return changes;
    }
}
