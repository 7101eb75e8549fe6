package io.ashspring.sql;

import java.util.Map;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TimestampKind;

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

    /**
     * Appends the changes, then {@code "updated_at" = clock_timestamp()} for each update timestamp
     * they leave out (not {@code now()}: several updates in one transaction still move forward).
     *
     * @param scope the row being changed
     * @throws IllegalArgumentException when there is nothing to set
     */
    static void set(SqlBuilder sql, Scope scope, ResourceModel resource, Map<AttributeModel, Object> changes) {
        boolean first = true;
        for (Map.Entry<AttributeModel, Object> entry : changes.entrySet()) {
            sql.append(first ? "" : ", ");
            assignment(sql, scope, entry.getKey(), entry.getValue());
            first = false;
        }
        for (AttributeModel attribute : resource.attributes()) {
            if (attribute.timestamp() == TimestampKind.UPDATE && !changes.containsKey(attribute)) {
                sql.append(first ? "" : ", ").identifier(attribute.column()).append(" = clock_timestamp()");
                first = false;
            }
        }
        if (first) {
            throw new IllegalArgumentException("an update of " + resource.name() + " needs at least one change");
        }
    }
}
