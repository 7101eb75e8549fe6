package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.Check;
import io.ashspring.migrate.model.QualifiedName;

/**
 * Drops a check constraint (before the columns it is about change); undone by {@link AddCheck}.
 *
 * @param table the table
 * @param check the check constraint as it is
 */
public record DropCheck(QualifiedName table, Check check) implements Operation {

    @Override
    public Operation inverse() {
        return new AddCheck(table, check);
    }

    @Override
    public String describe() {
        return "drop check " + check.name() + " on " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
