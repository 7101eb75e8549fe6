package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.Check;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Adds a check constraint; undone by {@link DropCheck}.
 *
 * @param table the table
 * @param check the check constraint
 */
public record AddCheck(QualifiedName table, Check check) implements Operation {

    @Override
    public Operation inverse() {
        return new DropCheck(table, check);
    }

    @Override
    public String describe() {
        return "add check " + check.name() + " on " + table + ": " + check.sql();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
