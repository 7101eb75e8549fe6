package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.PrimaryKey;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Adds a primary key; undone by {@link DropPrimaryKey}.
 *
 * @param table the table
 * @param key the primary key
 */
public record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Operation {

    @Override
    public Operation inverse() {
        return new DropPrimaryKey(table, key);
    }

    @Override
    public String describe() {
        return "add primary key " + key.name() + " " + key.columns() + " to " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
