package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Adds a column; undone by {@link DropColumn}.
 *
 * @param table the table
 * @param column the new column
 */
public record AddColumn(QualifiedName table, Column column) implements Operation {

    @Override
    public Operation inverse() {
        return new DropColumn(table, column);
    }

    @Override
    public String describe() {
        return "add column " + table + "." + column.name() + " " + Describe.column(column);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
