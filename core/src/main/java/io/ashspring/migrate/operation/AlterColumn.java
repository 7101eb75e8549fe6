package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Changes a column's type, nullability, default or generation (identity, serial); only what differs is touched.
 *
 * @param table the table
 * @param from the column as it is
 * @param to the column as it becomes (same name)
 */
public record AlterColumn(QualifiedName table, Column from, Column to) implements Operation {

    @Override
    public Operation inverse() {
        return new AlterColumn(table, to, from);
    }

    @Override
    public String describe() {
        return "alter column " + table + "." + to.name() + ": " + Describe.columnChange(from, to);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
