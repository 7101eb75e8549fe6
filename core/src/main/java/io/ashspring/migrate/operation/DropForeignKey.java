package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Drops a foreign key; undone by {@link AddForeignKey}.
 *
 * @param table the referencing table
 * @param key the foreign key as it is
 */
public record DropForeignKey(QualifiedName table, ForeignKey key) implements Operation {

    @Override
    public Operation inverse() {
        return new AddForeignKey(table, key);
    }

    @Override
    public String describe() {
        return "drop foreign key " + key.name() + " of " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
