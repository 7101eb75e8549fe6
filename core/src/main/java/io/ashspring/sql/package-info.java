/**
 * The SQL compiler: the one place where SQL text is produced ({@link io.ashspring.sql.SqlCompiler}),
 * with identifiers validated and quoted by {@link io.ashspring.sql.SqlIdentifiers} and values bound.
 * Package-private renderers share one render context ({@code SqlBuilder}) per statement:
 * {@code SelectRenderer} (reads, counts, keyset windows), {@code ExpressionRenderer} (logic,
 * comparisons, arithmetic), {@code FunctionRenderer} (functions, casts, jsonb, full text, fragments),
 * {@code ExistsRenderer} (to-many relationships), {@code ComputedRenderer} (aggregates, shared per
 * relationship in one lateral subquery, and calculations), {@code RelatedRows} (the rows of a
 * relationship inside a subquery) and {@code Scope} (a row, its to-one joins and laterals, and the
 * row {@code parent(...)} refers to).
 */
package io.ashspring.sql;
