package io.ashspring.sql;

import java.util.List;

import io.ashspring.tenant.TenantName;

/**
 * The statements of tenant schema migrations ({@code migrate.tenant}): the schema itself, the per-tenant advisory
 * lock, and Liquibase's tracking table ({@code databasechangelog}) in the tenant's schema, with the columns Liquibase
 * creates, so that Liquibase reads the rows the fast path writes as its own. Schema names are {@link TenantName}s
 * (validated: ASCII letters, digits, {@code _} and {@code -}), always quoted; values are bound.
 */
public final class TenantMigrationSql {

    /** The first key of the per-tenant advisory locks (the second is {@code hashtext(schema)}): "ASHT". */
    public static final int LOCK_CLASS = 0x41534854;

    private static final String CHANGELOG_TABLE = "databasechangelog";

    private TenantMigrationSql() {
    }

    /** {@code "acme"}: a validated tenant name quoted as an identifier (it may hold {@code -}, which needs quotes). */
    public static String quote(TenantName schema) {
        return '"' + schema.value() + '"';
    }

    /** Creates the tenant's schema unless it exists. */
    public static RenderedSql createSchema(TenantName schema) {
        return new RenderedSql("CREATE SCHEMA IF NOT EXISTS " + quote(schema), List.of());
    }

    /** Renames a tenant's schema (its tables, data and tracking table move with it). */
    public static RenderedSql renameSchema(TenantName from, TenantName to) {
        return new RenderedSql("ALTER SCHEMA " + quote(from) + " RENAME TO " + quote(to), List.of());
    }

    /** One row, {@code true} when the schema exists. */
    public static RenderedSql schemaExists(TenantName schema) {
        return new RenderedSql("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", List.of(schema.value()));
    }

    /** Waits for the tenant's session advisory lock (released by {@link #unlock}, or when the connection ends). */
    public static RenderedSql lock(TenantName schema) {
        return new RenderedSql("SELECT pg_advisory_lock(?, hashtext(?))", List.of(LOCK_CLASS, schema.value()));
    }

    /** Releases the lock of {@link #lock}. */
    public static RenderedSql unlock(TenantName schema) {
        return new RenderedSql("SELECT pg_advisory_unlock(?, hashtext(?))", List.of(LOCK_CLASS, schema.value()));
    }

    /** Waits for the tenant's advisory lock until the current transaction ends. */
    public static RenderedSql lockInTransaction(TenantName schema) {
        return new RenderedSql("SELECT pg_advisory_xact_lock(?, hashtext(?))", List.of(LOCK_CLASS, schema.value()));
    }

    /** One row: the current {@code search_path}. */
    public static RenderedSql searchPath() {
        return new RenderedSql("SELECT current_setting('search_path')", List.of());
    }

    /**
     * Sets {@code search_path} until the transaction ends, for changesets that name no schema (a custom statement):
     * the value is bound, the schema in it quoted.
     */
    public static RenderedSql setLocalSearchPath(String value) {
        return new RenderedSql("SELECT set_config('search_path', ?, true)", List.of(value));
    }

    /** The {@code search_path} value that puts the tenant's schema first, then {@code public} (for extension types). */
    public static String tenantSearchPath(TenantName schema) {
        return quote(schema) + ", public";
    }

    /** One row, {@code true} when the tenant's schema has a {@code databasechangelog}. */
    public static RenderedSql changelogTableExists(TenantName schema) {
        return new RenderedSql("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?)",
                List.of(schema.value(), CHANGELOG_TABLE));
    }

    /** Creates the tracking table as Liquibase does (same columns, types and order). */
    public static RenderedSql createChangelogTable(TenantName schema) {
        return new RenderedSql("CREATE TABLE IF NOT EXISTS " + table(schema) + " (id VARCHAR(255) NOT NULL, "
                + "author VARCHAR(255) NOT NULL, filename VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP WITHOUT TIME ZONE NOT NULL, "
                + "orderexecuted INTEGER NOT NULL, exectype VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255), "
                + "comments VARCHAR(255), tag VARCHAR(255), liquibase VARCHAR(20), contexts VARCHAR(255), labels VARCHAR(255), "
                + "deployment_id VARCHAR(10))", List.of());
    }

    /** The changesets recorded: id, author, filename, md5sum, exectype; in the order they ran. */
    public static RenderedSql ranChangeSets(TenantName schema) {
        return new RenderedSql("SELECT id, author, filename, md5sum, exectype FROM " + table(schema)
                + " ORDER BY dateexecuted, orderexecuted", List.of());
    }

    /**
     * Records one changeset as Liquibase does after running it ({@code EXECUTED}, the next {@code orderexecuted}).
     *
     * @param values id, author, filename, md5sum, description, comments, liquibase version, deployment id
     */
    public static RenderedSql recordChangeSet(TenantName schema, List<Object> values) {
        if (values.size() != 8) {
            throw new IllegalArgumentException("a changeset row has 8 values, got " + values.size());
        }
        return new RenderedSql("INSERT INTO " + table(schema) + " (id, author, filename, dateexecuted, orderexecuted, exectype, "
                + "md5sum, description, comments, liquibase, deployment_id) SELECT ?, ?, ?, now(), "
                + "coalesce(max(orderexecuted), 0) + 1, 'EXECUTED', ?, ?, ?, ?, ? FROM " + table(schema), values);
    }

    private static String table(TenantName schema) {
        return quote(schema) + "." + CHANGELOG_TABLE;
    }
}
