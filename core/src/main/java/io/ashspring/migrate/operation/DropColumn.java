package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Drops a column (destructive: its data is lost); undone by {@link AddColumn} of the same definition.
 *
 * @param table the table
 * @param column the column as it is, so that the drop can be undone
 */
public record DropColumn(QualifiedName table, Column column) implements Operation {

    @Override
    public Operation inverse() {
        return new AddColumn(table, column);
    }

    @Override
    public String describe() {
        return "drop column " + table + "." + column.name();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
