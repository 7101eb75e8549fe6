package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Renames a primary or foreign key whose definition did not change ({@code ALTER TABLE … RENAME CONSTRAINT}).
 *
 * @param table the table of the constraint
 * @param from the constraint's current name
 * @param to its new name
 */
public record RenameConstraint(QualifiedName table, String from, String to) implements Operation {

    @Override
    public Operation inverse() {
        return new RenameConstraint(table, to, from);
    }

    @Override
    public String describe() {
        return "rename constraint " + from + " on " + table + " to " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
