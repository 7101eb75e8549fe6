package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Installs an extension ({@code CREATE EXTENSION IF NOT EXISTS}); undone by {@link DropExtension}.
 *
 * @param name the extension (as CREATE EXTENSION knows it)
 */
public record CreateExtension(String name) implements Operation {

    @Override
    public QualifiedName table() {
        return null;
    }

    @Override
    public Operation inverse() {
        return new DropExtension(name);
    }

    @Override
    public String describe() {
        return "create extension " + name;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
