package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Moves a table to another schema ({@code ALTER TABLE … SET SCHEMA}); its indexes, constraints and the foreign
 * keys pointing at it move with it.
 *
 * @param from the table's current name
 * @param toSchema the schema it moves to
 */
public record MoveTable(QualifiedName from, String toSchema) implements Operation {

    @Override
    public QualifiedName table() {
        return from.inSchema(toSchema);
    }

    @Override
    public Operation inverse() {
        return new MoveTable(from.inSchema(toSchema), from.schema());
    }

    @Override
    public String describe() {
        return "move table " + from + " to schema " + toSchema;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
