/**
 * Migrations: the {@link io.ashspring.migrate.TableModel} derived from the resources and the
 * Liquibase changelogs built from it.
 */
package io.ashspring.migrate;
