package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.PrimaryKey;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Drops a primary key (foreign keys pointing at it are dropped first); undone by {@link AddPrimaryKey}.
 *
 * @param table the table
 * @param key the primary key as it is
 */
public record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements Operation {

    @Override
    public Operation inverse() {
        return new AddPrimaryKey(table, key);
    }

    @Override
    public String describe() {
        return "drop primary key " + key.name() + " of " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
