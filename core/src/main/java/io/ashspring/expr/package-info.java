/**
 * The expression tree: sealed nodes ({@link io.ashspring.expr.Expr}) and their builder
 * ({@link io.ashspring.expr.Expressions}). Rendering lives in {@code io.ashspring.sql}.
 */
package io.ashspring.expr;
