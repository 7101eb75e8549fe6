package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Drops an empty schema; only ever the undo of {@link CreateSchema} (the generator never drops a schema itself).
 *
 * @param name the schema
 */
public record DropSchema(String name) implements Operation {

    @Override
    public QualifiedName table() {
        return null;
    }

    @Override
    public Operation inverse() {
        return new CreateSchema(name);
    }

    @Override
    public String describe() {
        return "drop schema " + name;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
