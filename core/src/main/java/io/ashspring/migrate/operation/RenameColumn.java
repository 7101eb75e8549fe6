package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Renames a column; indexes, keys and checks over it follow it in PostgreSQL.
 *
 * @param table the table
 * @param from the column's current name
 * @param to its new name
 */
public record RenameColumn(QualifiedName table, String from, String to) implements Operation {

    @Override
    public Operation inverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public String describe() {
        return "rename column " + table + "." + from + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
