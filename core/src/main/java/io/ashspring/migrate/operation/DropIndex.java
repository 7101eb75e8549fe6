package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Drops an index; undone by {@link AddIndex}.
 *
 * @param table the indexed table
 * @param index the index as it is
 */
public record DropIndex(QualifiedName table, Index index) implements Operation {

    @Override
    public Operation inverse() {
        return new AddIndex(table, index);
    }

    @Override
    public String describe() {
        return "drop index " + index.name() + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
