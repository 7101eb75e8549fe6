/**
 * The SQL compiler: the one place where SQL text is produced ({@link io.ashspring.sql.SqlCompiler}),
 * with identifiers validated and quoted by {@link io.ashspring.sql.SqlIdentifiers} and values bound.
 */
package io.ashspring.sql;
