package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;

/**
 * Drops a table (its foreign keys, indexes, checks and statements are dropped by their own operations first);
 * undone by {@link CreateTable}.
 *
 * @param definition the table's columns, primary key and create options
 */
public record DropTable(Table definition) implements Operation {

    /** Canonical constructor: keeps only the bare table (columns, primary key, create options). */
    public DropTable {
        definition = definition.bare();
    }

    @Override
    public QualifiedName table() {
        return definition.qualifiedName();
    }

    @Override
    public Operation inverse() {
        return new CreateTable(definition);
    }

    @Override
    public String describe() {
        return "drop table " + definition.qualifiedName();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
