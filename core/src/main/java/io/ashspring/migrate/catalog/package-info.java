/**
 * The live catalog: {@link io.ashspring.migrate.catalog.CatalogReader} reads what a table really is (columns with
 * their types and nullability, primary key, unique indexes) from PostgreSQL's catalog, and
 * {@link io.ashspring.migrate.catalog.CatalogCheck} compares it with the table model derived from the resources,
 * listing each {@link io.ashspring.migrate.SchemaDifference}. The startup modes refuse to start on a difference.
 */
package io.ashspring.migrate.catalog;
