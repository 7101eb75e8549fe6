package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Statement;

/**
 * Runs a custom statement's {@code down}, before any table or column change; undone by {@link AddStatement}.
 *
 * @param table the table it belongs to (before this migration's renames)
 * @param statement the statement as it was run
 */
public record RemoveStatement(QualifiedName table, Statement statement) implements Operation {

    @Override
    public Operation inverse() {
        return new AddStatement(table, statement);
    }

    @Override
    public String describe() {
        return "undo statement " + statement.name() + " of " + table;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
