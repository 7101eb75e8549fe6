package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.resource.Deferrable;

/**
 * Changes only when a foreign key is checked ({@code ALTER CONSTRAINT … DEFERRABLE}): the key is not dropped.
 *
 * @param table the table holding the foreign key
 * @param constraint the foreign key's name
 * @param from its deferrability now
 * @param to its new deferrability
 */
public record AlterDeferrability(QualifiedName table, String constraint, Deferrable from, Deferrable to) implements Operation {

    @Override
    public Operation inverse() {
        return new AlterDeferrability(table, constraint, to, from);
    }

    @Override
    public String describe() {
        return "alter foreign key " + constraint + " of " + table + ": deferrable " + from + " -> " + to;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
