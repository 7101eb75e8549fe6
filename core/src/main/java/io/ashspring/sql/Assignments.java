package io.ashspring.sql;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.resource.model.AttributeModel;

/**
 * The one renderer of an assignment in a {@code SET} list ({@code "priority" = ?}), shared by every
 * statement that changes rows, so that an atomic value works in all of them: a plain value is
 * bound with the attribute's type; an {@link Expr} is evaluated by PostgreSQL against the row
 * being changed ({@code "priority" = (t0."priority" + ?)}), its values bound too.
 */
final class Assignments {

    private Assignments() {
    }

    /**
     * Appends {@code "column" = value}.
     *
     * @param scope the row being changed, which an expression value refers to; {@code null} where
     *        there is none (an {@code INSERT}), which refuses expression values
     */
    static void assignment(SqlBuilder sql, Scope scope, AttributeModel attribute, Object value) {
        sql.identifier(attribute.column()).append(" = ");
        if (!(value instanceof Expr expression)) {
            sql.bind(attribute.type(), value);
            return;
        }
        if (scope == null) {
            throw new InvalidQueryException(attribute.name(), attribute.name(), "an expression value is evaluated against "
                    + "the row being updated: a new record has none, so give a plain value");
        }
        ExpressionRenderer.render(sql, scope, expression);
        if (scope.needsJoins()) {
            throw new InvalidQueryException(scope.resource().name(), attribute.name(), "an atomic value can only use the "
                    + "record's own attributes and calculations over them (no relationship paths or aggregates): "
                    + expression);
        }
    }
}
