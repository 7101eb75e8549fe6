package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Creates an index (unique index of an identity, index of a reference, or custom index); undone by {@link DropIndex}.
 *
 * @param table the indexed table
 * @param index the index
 */
public record AddIndex(QualifiedName table, Index index) implements Operation {

    @Override
    public Operation inverse() {
        return new DropIndex(table, index);
    }

    @Override
    public String describe() {
        return "add " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
                + (index.concurrently() ? " (concurrently)" : "");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
