/**
 * Liquibase output: operations become Liquibase's own change classes (or an {@code sql} change with
 * an explicit rollback where the open-source edition has none), grouped into changesets and written
 * with Liquibase's serializers.
 */
package io.ashspring.migrate.liquibase;
