package io.ashspring.sql;

import java.util.List;

/**
 * The queries that read PostgreSQL's catalog for the startup check of the schema ({@code migrate.catalog}): fixed
 * text, the schema, table and type names bound as values.
 */
public final class CatalogQueries {

    private CatalogQueries() {
    }

    /**
     * The columns of a table or partitioned table, in order: name, type oid, type as PostgreSQL prints it (with
     * its modifiers: {@code character varying(40)}, {@code numeric(10,2)[]}), and whether it is {@code NOT NULL}.
     * One row with a null name when the table has no column; no row when there is no such table.
     */
    public static RenderedSql columns(String schema, String table) {
        return new RenderedSql("SELECT a.attname, a.atttypid, format_type(a.atttypid, a.atttypmod), a.attnotnull "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p') ORDER BY a.attnum", List.of(schema, table));
    }

    /**
     * The primary key and unique indexes of a table: whether it is the primary key, the index name, whether it is
     * partial, whether a key is an expression, and the key columns in order ({@code INCLUDE} columns left out).
     */
    public static RenderedSql uniqueKeys(String schema, String table) {
        return new RenderedSql("SELECT i.indisprimary, ic.relname, i.indpred IS NOT NULL, i.indexprs IS NOT NULL, "
                + "ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                + "WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) "
                + "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "WHERE n.nspname = ? AND c.relname = ? AND (i.indisprimary OR i.indisunique) ORDER BY ic.relname",
                List.of(schema, table));
    }

    /**
     * A type name resolved as PostgreSQL resolves it in DDL (aliases such as {@code varchar}, {@code int4} and
     * {@code timestamptz}, the search path, arrays), without modifiers: its oid and the name of its element type
     * for an array, of itself otherwise ({@code numeric} for {@code numeric[]}). No row when no such type exists.
     */
    public static RenderedSql resolveType(String typeWithoutModifiers) {
        return new RenderedSql("SELECT t.oid, coalesce(e.typname, t.typname)::text FROM pg_type t "
                + "LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A' WHERE t.oid = to_regtype(?)",
                List.of(typeWithoutModifiers));
    }
}
