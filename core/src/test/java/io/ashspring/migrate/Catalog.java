package io.ashspring.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads PostgreSQL's catalog (information_schema, pg_constraint, pg_index, pg_indexes): helpers for
 * assertions, and a snapshot of everything user-made for "the schema is as before" comparisons.
 */
final class Catalog {

    private static final String USER_SCHEMAS = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
    private static final String LIQUIBASE_TABLES = "('databasechangelog', 'databasechangeloglock')";

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything user-made, one line per object, sorted: schemas, extensions, tables, columns, constraints, indexes, sequences, views. */
    List<String> snapshot() {
        List<String> lines = new ArrayList<>();
        lines.addAll(strings("SELECT 'schema ' || nspname FROM pg_namespace n WHERE " + USER_SCHEMAS));
        lines.addAll(strings("SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'"));
        lines.addAll(strings("SELECT 'table ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || coalesce(' ' "
                + "|| pg_get_partkeydef(c.oid), '') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS + " AND c.relname NOT IN " + LIQUIBASE_TABLES));
        lines.addAll(strings("SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' "
                + "|| format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END "
                + "|| coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') "
                + "|| CASE a.attidentity WHEN 'd' THEN ' identity' WHEN 'a' THEN ' identity always' ELSE '' END "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMAS
                + " AND c.relname NOT IN " + LIQUIBASE_TABLES));
        lines.addAll(strings("SELECT 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname || ' ' "
                + "|| pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS
                // PostgreSQL 18 names NOT NULL constraints after the column they were made for; nullability is in the column lines
                + " AND k.contype <> 'n' AND c.relname NOT IN " + LIQUIBASE_TABLES));
        lines.addAll(strings("SELECT 'index ' || schemaname || '.' || indexname || ' ' || indexdef FROM pg_indexes "
                + "WHERE schemaname NOT LIKE 'pg\\_%' AND schemaname <> 'information_schema' AND tablename NOT IN " + LIQUIBASE_TABLES));
        lines.addAll(strings("SELECT 'sequence ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND " + USER_SCHEMAS));
        lines.addAll(strings("SELECT 'view ' || schemaname || '.' || viewname || ' ' || definition FROM pg_views "
                + "WHERE schemaname NOT LIKE 'pg\\_%' AND schemaname <> 'information_schema'"));
        lines.sort(null);
        return lines;
    }

    /** "name type [not null] [default x] [identity]" per column, in order. */
    List<String> columns(String qualifiedTable) {
        return strings("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) "
                + "|| CASE WHEN a.attnotnull THEN ' not null' ELSE '' END "
                + "|| coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') "
                + "|| CASE a.attidentity WHEN 'd' THEN ' identity' WHEN 'a' THEN ' identity always' ELSE '' END "
                + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", qualifiedTable);
    }

    /** Constraint name → definition, for constraints of one kind (p, f, c, u) of a table. */
    Map<String, String> constraints(String qualifiedTable, String kind) {
        Map<String, String> constraints = new LinkedHashMap<>();
        jdbc.sql("SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = ?::regclass "
                        + "AND contype = ?::\"char\" ORDER BY conname")
                .params(qualifiedTable, kind).query().listOfRows()
                .forEach(row -> constraints.put((String) row.get("conname"), (String) row.get("def")));
        return constraints;
    }

    /** Index name → definition, for the indexes of a table. */
    Map<String, String> indexes(String schema, String table) {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ? ORDER BY indexname")
                .params(schema, table).query().listOfRows()
                .forEach(row -> indexes.put((String) row.get("indexname"), (String) row.get("indexdef")));
        return indexes;
    }

    /** Whether a table exists. */
    boolean tableExists(String schema, String table) {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", schema, table) == 1;
    }

    /** The object id of a relation (stays the same through renames: proves something was not recreated). */
    long oid(String qualifiedName) {
        return jdbc.sql("SELECT ?::regclass::oid::bigint").param(qualifiedName).query(Long.class).single();
    }

    /** The oid of a constraint by name. */
    long constraintOid(String name) {
        return jdbc.sql("SELECT oid::bigint FROM pg_constraint WHERE conname = ?").param(name).query(Long.class).single();
    }

    /** The extensions installed. */
    List<String> extensions() {
        return strings("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname");
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private List<String> strings(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).list();
    }
}
