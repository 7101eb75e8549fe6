package io.ashspring.expr;

import java.util.List;
import java.util.Objects;

/**
 * A node of the one expression tree used by filters (and, as the query engine grows, sorts,
 * calculations and aggregates). Build nodes with {@link Expressions}; the SQL compiler is the one
 * place that renders them, binding every value.
 */
public sealed interface Expr permits Expr.Attr, Expr.Value, Expr.Compare, Expr.And, Expr.Or, Expr.Not, Expr.IsNil {

    /** A reference to an attribute of the resource being queried. */
    record Attr(String name) implements Expr {
        /** Canonical constructor. */
        public Attr {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A value; always bound as a parameter, never written into SQL text. */
    record Value(Object value) implements Expr {
    }

    /** A comparison of two expressions. */
    record Compare(Operator operator, Expr left, Expr right) implements Expr {
        /** Canonical constructor. */
        public Compare {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** All of the expressions hold. */
    record And(List<Expr> operands) implements Expr {
        /** Canonical constructor: copies the list. */
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** Any of the expressions holds. */
    record Or(List<Expr> operands) implements Expr {
        /** Canonical constructor: copies the list. */
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** The expression does not hold. */
    record Not(Expr operand) implements Expr {
        /** Canonical constructor. */
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** The expression is null. */
    record IsNil(Expr operand) implements Expr {
        /** Canonical constructor. */
        public IsNil {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** Comparison operators. */
    enum Operator {
        /** {@code =}; comparing with a null value becomes {@code IS NULL}. */
        EQ("="),
        /** {@code <>}; comparing with a null value becomes {@code IS NOT NULL}. */
        NE("<>"),
        /** {@code <}. */
        LT("<"),
        /** {@code <=}. */
        LE("<="),
        /** {@code >}. */
        GT(">"),
        /** {@code >=}. */
        GE(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The SQL operator. */
        public String sql() {
            return sql;
        }
    }
}
