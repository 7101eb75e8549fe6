package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Renames an index whose definition did not change ({@code ALTER INDEX … RENAME TO}).
 *
 * @param table the table of the index (its schema is the index's)
 * @param from the index's current name
 * @param to its new name
 */
public record RenameIndex(QualifiedName table, String from, String to) implements Operation {

    @Override
    public Operation inverse() {
        return new RenameIndex(table, to, from);
    }

    @Override
    public String describe() {
        return "rename index " + from + " on " + table + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
