package io.ashspring.resource.model;

import io.ashspring.expr.Expr;
import io.ashspring.resource.Computation;
import io.ashspring.type.AttributeType;

/**
 * A calculation component: an expression computed in SQL, or a {@link Computation} run in Java
 * after the record is read.
 *
 * @param name the component's name
 * @param expression the SQL expression, or {@code null} for a Java calculation
 * @param computation the Java computation, or {@code null} for a SQL one
 * @param type how a SQL value is read and how values compared with it are bound ({@code null} for Java)
 * @param component the index of the record component
 * @param isPublic whether untrusted input may reach it
 */
public record CalculationModel(String name, Expr expression, Computation<Object, Object> computation,
                               AttributeType type, int component, boolean isPublic) implements ComputedModel {

    /** Whether it is computed in SQL (and so usable in filters and sorts). */
    public boolean inSql() {
        return expression != null;
    }
}
