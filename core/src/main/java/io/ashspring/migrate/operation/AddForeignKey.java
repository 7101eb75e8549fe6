package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Adds a foreign key, after the primary key or unique index on exactly its referenced columns; undone by {@link
 * DropForeignKey}.
 *
 * @param table the referencing table
 * @param key the foreign key
 */
public record AddForeignKey(QualifiedName table, ForeignKey key) implements Operation {

    @Override
    public Operation inverse() {
        return new DropForeignKey(table, key);
    }

    @Override
    public String describe() {
        return "add foreign key " + key.name() + " " + table + key.columns() + " -> " + key.referenced() + key.referencedColumns();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
