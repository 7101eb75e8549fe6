/**
 * The expression tree: sealed nodes ({@link io.ashspring.expr.Expr}), their typed builder
 * ({@link io.ashspring.expr.Expressions}) and the text syntax ({@link io.ashspring.expr.ExpressionParser}),
 * which make the same nodes, and {@link io.ashspring.expr.SortKey} (an expression and its direction), used by
 * queries and by aggregates alike. Rendering lives in {@code io.ashspring.sql}.
 */
package io.ashspring.expr;
