package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Statement;

/**
 * Runs a custom statement's {@code up}, after every table and column change; undone by {@link RemoveStatement}.
 * A changed statement is a {@link RemoveStatement} of the old one (its {@code down}) and then this.
 *
 * @param table the table it belongs to (after this migration's renames)
 * @param statement the statement
 */
public record AddStatement(QualifiedName table, Statement statement) implements Operation {

    @Override
    public Operation inverse() {
        return new RemoveStatement(table, statement);
    }

    @Override
    public String describe() {
        return "run statement " + statement.name() + " of " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
