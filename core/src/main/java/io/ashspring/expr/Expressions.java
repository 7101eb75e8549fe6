package io.ashspring.expr;

import java.util.List;

/**
 * Static factories for filter expressions; import them statically:
 *
 * <pre>{@code
 * import static io.ashspring.expr.Expressions.*;
 * tickets.read(Query.all().filter(and(eq("status", Status.OPEN), gt("priority", 3))));
 * }</pre>
 */
public final class Expressions {

    private Expressions() {
    }

    /** A reference to an attribute. */
    public static Expr attr(String name) {
        return new Expr.Attr(name);
    }

    /** A bound value. */
    public static Expr value(Object value) {
        return new Expr.Value(value);
    }

    /** {@code attribute = value} ({@code IS NULL} for a null value). */
    public static Expr eq(String attribute, Object value) {
        return compare(Expr.Operator.EQ, attribute, value);
    }

    /** {@code attribute <> value} ({@code IS NOT NULL} for a null value). */
    public static Expr ne(String attribute, Object value) {
        return compare(Expr.Operator.NE, attribute, value);
    }

    /** {@code attribute < value}. */
    public static Expr lt(String attribute, Object value) {
        return compare(Expr.Operator.LT, attribute, value);
    }

    /** {@code attribute <= value}. */
    public static Expr le(String attribute, Object value) {
        return compare(Expr.Operator.LE, attribute, value);
    }

    /** {@code attribute > value}. */
    public static Expr gt(String attribute, Object value) {
        return compare(Expr.Operator.GT, attribute, value);
    }

    /** {@code attribute >= value}. */
    public static Expr ge(String attribute, Object value) {
        return compare(Expr.Operator.GE, attribute, value);
    }

    /** {@code attribute IS NULL}. */
    public static Expr isNil(String attribute) {
        return new Expr.IsNil(attr(attribute));
    }

    /** All hold. */
    public static Expr and(Expr... operands) {
        return operands.length == 1 ? operands[0] : new Expr.And(List.of(operands));
    }

    /** Any holds. */
    public static Expr or(Expr... operands) {
        return operands.length == 1 ? operands[0] : new Expr.Or(List.of(operands));
    }

    /** Does not hold. */
    public static Expr not(Expr operand) {
        return new Expr.Not(operand);
    }

    private static Expr compare(Expr.Operator operator, String attribute, Object value) {
        return new Expr.Compare(operator, attr(attribute), value(value));
    }
}
