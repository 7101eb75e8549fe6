/**
 * The SQL compiler: the one place where SQL text is produced ({@link io.ashspring.sql.SqlCompiler}),
 * with identifiers validated and quoted by {@link io.ashspring.sql.SqlIdentifiers} and values bound.
 * Package-private renderers share one render context ({@code SqlBuilder}) per statement:
 * {@code SelectRenderer} (reads, counts, keyset windows), {@code ExpressionRenderer} (logic,
 * comparisons, arithmetic), {@code FunctionRenderer} (functions, casts, jsonb, full text, fragments),
 * {@code ExistsRenderer} (to-many relationships) and {@code Scope} (to-one joins).
 */
package io.ashspring.sql;
