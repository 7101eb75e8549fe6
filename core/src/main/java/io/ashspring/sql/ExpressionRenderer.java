package io.ashspring.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.type.AttributeConstraints;
import io.ashspring.type.ValueLimits;

/**
 * Renders expression nodes: logic, comparisons, membership, arithmetic, concatenation and
 * {@code CASE}; functions go to {@link FunctionRenderer}, {@code exists} to {@link ExistsRenderer}.
 * An unknown node fails loudly. Values are bound: with the type of the attribute they are
 * compared with when there is one (so {@code "3"} compares with an integer as 3), else as they are.
 */
final class ExpressionRenderer {

    private ExpressionRenderer() {
    }

    static void render(SqlBuilder sql, Scope scope, Expr expr) {
        if (expr instanceof Expr.And and) {
            junction(sql, scope, and.operands(), " AND ", "TRUE");
        } else if (expr instanceof Expr.Or or) {
            junction(sql, scope, or.operands(), " OR ", "FALSE");
        } else if (expr instanceof Expr.Not not) {
            sql.append("NOT ");
            operand(sql, scope, not.operand());
        } else if (expr instanceof Expr.IsNil isNil) {
            operand(sql, scope, isNil.operand());
            sql.append(" IS NULL");
        } else if (expr instanceof Expr.Compare compare) {
            compare(sql, scope, compare);
        } else if (expr instanceof Expr.In in) {
            in(sql, scope, in);
        } else if (expr instanceof Expr.Attr attr) {
            if (ComputedRenderer.render(sql, scope, attr)) {
                return;
            }
            Scope.Resolved resolved = scope.resolve(sql, attr);
            sql.column(resolved.alias(), resolved.attribute().column());
        } else if (expr instanceof Expr.Value || expr instanceof Expr.Arg) {
            // compared with no attribute: the field is not known here (functions check their values first, by name)
            sql.bindLiteral(checked(scope, "value", valueOf(sql, scope, expr)));
        } else if (expr instanceof Expr.Arithmetic arithmetic) {
            sql.append("(");
            operand(sql, scope, arithmetic.left());
            sql.append(" ").append(arithmetic.operator().sql()).append(" ");
            operand(sql, scope, arithmetic.right());
            sql.append(")");
        } else if (expr instanceof Expr.Concat concat) {
            sql.append("(");
            for (int i = 0; i < concat.parts().size(); i++) {
                sql.append(i == 0 ? "" : " || ");
                operand(sql, scope, concat.parts().get(i));
            }
            sql.append(")");
        } else if (expr instanceof Expr.Case caseExpr) {
            caseOf(sql, scope, caseExpr);
        } else if (expr instanceof Expr.Exists exists) {
            ExistsRenderer.render(sql, scope, exists);
        } else if (expr instanceof Expr.Parent parent) {
            operand(sql, parentOf(scope, parent), parent.expression());
        } else if (expr instanceof Expr.Excluded excluded) {
            if (!sql.proposedRow()) {
                throw new InvalidQueryException(scope.resource().name(), "excluded(" + excluded.attribute() + ")",
                        "refers to the row an upsert proposed: use it only in upsert fields and conditions");
            }
            sql.column("EXCLUDED", scope.resource().requireAttribute(excluded.attribute()).column());
        } else {
            FunctionRenderer.render(sql, scope, expr);
        }
    }

    /**
     * Renders an expression used inside another operator, in parentheses when it is a bare
     * predicate ({@code a = b}, {@code a IS NULL}, {@code a LIKE b}...) that would otherwise bind
     * wrongly.
     */
    static void operand(SqlBuilder sql, Scope scope, Expr expr) {
        boolean bare = expr instanceof Expr.Compare || expr instanceof Expr.IsNil || expr instanceof Expr.In
                || expr instanceof Expr.Not || expr instanceof Expr.TextSearch
                || expr instanceof Expr.Call call && FunctionRenderer.isBarePredicate(call.function());
        if (bare) {
            sql.append("(");
        }
        render(sql, scope, expr);
        if (bare) {
            sql.append(")");
        }
    }

    private static void junction(SqlBuilder sql, Scope scope, List<Expr> operands, String joiner, String empty) {
        if (operands.isEmpty()) {
            sql.append(empty);
            return;
        }
        if (operands.size() == 1) {
            render(sql, scope, operands.get(0));
            return;
        }
        sql.append("(");
        for (int i = 0; i < operands.size(); i++) {
            sql.append(i == 0 ? "" : joiner);
            render(sql, scope, operands.get(i));
        }
        sql.append(")");
    }

    private static void compare(SqlBuilder sql, Scope scope, Expr.Compare compare) {
        Expr.Operator operator = compare.operator();
        boolean equality = operator == Expr.Operator.EQ || operator == Expr.Operator.NE;
        // = null means IS NULL (Ash's semantics); other comparisons with null stay SQL's unknown
        if (equality && (isNullValue(sql, scope, compare.right()) || isNullValue(sql, scope, compare.left()))) {
            operand(sql, scope, isNullValue(sql, scope, compare.right()) ? compare.left() : compare.right());
            sql.append(operator == Expr.Operator.EQ ? " IS NULL" : " IS NOT NULL");
            return;
        }
        Scope.Resolved left = typed(sql, scope, compare.left());
        Scope.Resolved right = typed(sql, scope, compare.right());
        side(sql, scope, compare.left(), right);
        sql.append(" ").append(operator.sql()).append(" ");
        side(sql, scope, compare.right(), left);
    }

    private static void in(SqlBuilder sql, Scope scope, Expr.In in) {
        Object raw = valueOf(sql, scope, in.values());
        Collection<?> items;
        if (raw instanceof Collection<?> collection) {
            items = collection;
        } else if (raw instanceof Object[] array) {
            items = Arrays.asList(array);
        } else {
            throw new InvalidQueryException(scope.resource().name(), describe(in.operand()),
                    "in needs a list of values, not " + (raw == null ? "null" : "a single value"));
        }
        if (items.isEmpty()) {
            sql.append("FALSE"); // nothing is in an empty list
            return;
        }
        Scope.Resolved type = typed(sql, scope, in.operand());
        String element = type == null ? null : SqlBuilder.arrayElement(type.attribute().type());
        operand(sql, scope, in.operand());
        if (element != null) {
            // one array bind: one parameter and one statement shape however long the list
            List<Object> converted = new ArrayList<>(items.size());
            for (Object item : items) {
                converted.add(coerce(scope, type, item));
            }
            sql.append(" = ANY(").bindArray(type.attribute().type(), converted).append(")");
            return;
        }
        sql.append(" IN (");
        boolean first = true;
        for (Object item : items) {
            sql.append(first ? "" : ", ");
            if (type != null) {
                bindTyped(sql, scope, type, item);
            } else {
                sql.bindLiteral(checked(scope, describe(in.operand()), item));
            }
            first = false;
        }
        sql.append(")");
    }

    private static void caseOf(SqlBuilder sql, Scope scope, Expr.Case caseExpr) {
        sql.append("CASE");
        for (Expr.Case.Branch branch : caseExpr.branches()) {
            sql.append(" WHEN ");
            render(sql, scope, branch.condition());
            sql.append(" THEN ");
            operand(sql, scope, branch.value());
        }
        if (caseExpr.otherwise() != null) {
            sql.append(" ELSE ");
            operand(sql, scope, caseExpr.otherwise());
        }
        sql.append(" END");
    }

    /** One side of a comparison: a value takes the type of an attribute on the other side. */
    private static void side(SqlBuilder sql, Scope scope, Expr expr, Scope.Resolved other) {
        if (other != null && (expr instanceof Expr.Value || expr instanceof Expr.Arg)) {
            bindTyped(sql, scope, other, valueOf(sql, scope, expr));
        } else {
            operand(sql, scope, expr);
        }
    }

    /** Binds a value converted to an attribute's type; a value that cannot be converted is a bad query. */
    static void bindTyped(SqlBuilder sql, Scope scope, Scope.Resolved target, Object value) {
        sql.bind(target.attribute().type(), coerce(scope, target, value));
    }

    /**
     * A value converted to an attribute's type; a value that cannot be converted, or that PostgreSQL
     * cannot take ({@link ValueLimits}), is a bad query.
     */
    private static Object coerce(Scope scope, Scope.Resolved target, Object value) {
        Object converted;
        try {
            converted = target.attribute().type().coerce(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(scope.resource().name(), target.attribute().name(), "cannot compare with "
                    + target.attribute().describe(value) + ": " + e.getMessage());
        }
        refuse(scope, target.attribute().name(), ValueLimits.parameter(target.attribute().type(), converted));
        return converted;
    }

    /** A value of no known type, refused as a bad query of {@code field} when PostgreSQL cannot take it. */
    static Object checked(Scope scope, String field, Object value) {
        refuse(scope, field, ValueLimits.parameter(value));
        return value;
    }

    /** Throws the violation, if any, as a bad query of {@code field}. */
    static void refuse(Scope scope, String field, Optional<AttributeConstraints.Violation> violation) {
        violation.ifPresent(v -> {
            throw new InvalidQueryException(scope.resource().name(), field, v.message());
        });
    }

    /** The value operands of a call, checked under the name of its first attribute (or "value"). */
    static void checkValues(SqlBuilder sql, Scope scope, List<Expr> operands) {
        String field = operands.stream().filter(Expr.Attr.class::isInstance).findFirst().map(ExpressionRenderer::describe)
                .orElse("value");
        for (Expr operand : operands) {
            if (operand instanceof Expr.Value || operand instanceof Expr.Arg) {
                checked(scope, field, valueOf(sql, scope, operand));
            }
        }
    }

    /** The attribute (or aggregate, calculation) an expression is, or {@code null} when it is something else. */
    static Scope.Resolved typed(SqlBuilder sql, Scope scope, Expr expr) {
        if (expr instanceof Expr.Parent parent) {
            return typed(sql, parentOf(scope, parent), parent.expression());
        }
        if (!(expr instanceof Expr.Attr attr)) {
            return null;
        }
        Scope.Resolved computed = ComputedRenderer.typed(sql, scope, attr);
        return computed != null ? computed : ComputedRenderer.find(sql, scope, attr).isPresent() ? null
                : scope.resolve(sql, attr);
    }

    /** The row {@code parent(...)} refers to: the one outside the enclosing {@code exists} or aggregate. */
    private static Scope parentOf(Scope scope, Expr.Parent parent) {
        if (scope.parent() == null) {
            throw new InvalidQueryException(scope.resource().name(), "parent(" + describe(parent.expression()) + ")",
                    "refers to the row a relationship starts from, so it can only be used inside exists(relationship, "
                            + "...) or an aggregate's filter; here, on " + scope.resource().name()
                            + " itself, write the expression without parent(...)");
        }
        return scope.parent();
    }

    /** The value of a {@code Value} or an {@code Arg}. */
    static Object valueOf(SqlBuilder sql, Scope scope, Expr expr) {
        if (expr instanceof Expr.Value value) {
            return value.value();
        }
        if (expr instanceof Expr.Arg arg) {
            return sql.argument(scope.resource(), arg.name());
        }
        throw new IllegalArgumentException("expected a value or an argument, not " + expr);
    }

    private static boolean isNullValue(SqlBuilder sql, Scope scope, Expr expr) {
        return (expr instanceof Expr.Value || expr instanceof Expr.Arg) && valueOf(sql, scope, expr) == null;
    }

    /** An attribute's reference ({@code representative.name}), for errors; {@code ...} for anything else. */
    static String describe(Expr expr) {
        return expr instanceof Expr.Attr attr ? attr.reference() : "...";
    }
}
