package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Renames a table within its schema ({@code ALTER TABLE … RENAME TO}).
 *
 * @param from the table's current name
 * @param to its new name, in the same schema
 */
public record RenameTable(QualifiedName from, String to) implements Operation {

    @Override
    public QualifiedName table() {
        return from.named(to);
    }

    @Override
    public Operation inverse() {
        return new RenameTable(from.named(to), from.name());
    }

    @Override
    public String describe() {
        return "rename table " + from + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
