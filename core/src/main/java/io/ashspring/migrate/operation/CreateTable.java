package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;

/**
 * Creates a table with its columns, primary key and create options. Foreign keys, indexes, checks and statements
 * are separate operations, so that each is undone exactly.
 *
 * @param definition the table's columns, primary key and create options
 */
public record CreateTable(Table definition) implements Operation {

    /** Canonical constructor: keeps only the bare table (columns, primary key, create options). */
    public CreateTable {
        definition = definition.bare();
    }

    @Override
    public QualifiedName table() {
        return definition.qualifiedName();
    }

    @Override
    public Operation inverse() {
        return new DropTable(definition);
    }

    @Override
    public String describe() {
        return "create table " + definition.qualifiedName();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
