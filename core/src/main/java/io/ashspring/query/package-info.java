/**
 * What to read and write: {@link io.ashspring.query.Query} (filter, sort, pages, select, distinct,
 * lock, arguments), {@link io.ashspring.expr.SortKey}, {@link io.ashspring.query.Lock},
 * {@link io.ashspring.query.Changeset}, and {@link io.ashspring.query.QueryInput}, which turns
 * untrusted HTTP filter and sort input into the same expression nodes, reaching only public attributes.
 */
package io.ashspring.query;
