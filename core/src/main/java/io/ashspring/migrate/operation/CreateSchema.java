package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Creates a schema ({@code IF NOT EXISTS}: it may exist from an earlier table); undone by {@link DropSchema}.
 *
 * @param name the schema
 */
public record CreateSchema(String name) implements Operation {

    @Override
    public QualifiedName table() {
        return null;
    }

    @Override
    public Operation inverse() {
        return new DropSchema(name);
    }

    @Override
    public String describe() {
        return "create schema " + name;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
