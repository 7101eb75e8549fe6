package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Removes an extension; undone by {@link CreateExtension}.
 *
 * @param name the extension
 */
public record DropExtension(String name) implements Operation {

    @Override
    public QualifiedName table() {
        return null;
    }

    @Override
    public Operation inverse() {
        return new CreateExtension(name);
    }

    @Override
    public String describe() {
        return "drop extension " + name;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
