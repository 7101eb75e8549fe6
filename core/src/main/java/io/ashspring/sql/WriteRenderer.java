package io.ashspring.sql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.ashspring.expr.Expr;
import io.ashspring.query.Query;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TenantRules;
import io.ashspring.tenant.TenantName;

/**
 * Renders the writes of many rows: multi-row inserts (one array per column through
 * {@code unnest} in the select list, else {@code VALUES} lists), their {@code ON CONFLICT} clause, and updates and
 * deletes of the records a query reads.
 */
final class WriteRenderer {

    /** PostgreSQL's limit of bind parameters in one statement. */
    static final int MAX_BINDS = 65_535;

    private WriteRenderer() {
    }

    /** Whether rows of these columns can be inserted through {@code unnest} (one array per column). */
    static boolean unnestable(List<AttributeModel> columns) {
        return columns.stream().allMatch(a -> SqlBuilder.arrayElement(a.type()) != null);
    }

    /**
     * {@code INSERT INTO t AS t0 (cols) SELECT unnest(?::type[]), ...}, or with a
     * {@code VALUES} list when a column's type cannot travel in an array (jsonb, arrays, bytea,
     * enum types); then the conflict clause and {@code RETURNING}.
     */
    static RenderedSql insertAll(ResourceModel resource, String table, List<AttributeModel> columns,
                                 List<Map<AttributeModel, Object>> rows, Conflict conflict, Map<String, Object> arguments,
                                 Function<Class<?>, ResourceModel> resources, TenantName tenant, String returning) {
        SqlBuilder sql = new SqlBuilder(arguments, resources, tenant).append("INSERT INTO ").append(table).append(" AS t0");
        if (columns.isEmpty()) {
            if (rows.size() != 1) {
                throw new IllegalArgumentException("rows with no values can only be inserted one at a time");
            }
            sql.append(" DEFAULT VALUES");
        } else {
            sql.append(" (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").identifier(columns.get(i).column());
            }
            sql.append(")");
            if (unnestable(columns)) {
                unnest(sql, columns, columnValues(columns, rows), 0, rows.size());
            } else {
                sql.append(" VALUES ");
                for (int r = 0; r < rows.size(); r++) {
                    sql.append(r == 0 ? "(" : ", (");
                    for (int i = 0; i < columns.size(); i++) {
                        sql.append(i == 0 ? "" : ", ").bind(columns.get(i).type(), rows.get(r).get(columns.get(i)));
                    }
                    sql.append(")");
                }
            }
        }
        if (conflict != null) {
            onConflict(sql, resource, conflict);
        }
        if (returning != null) {
            sql.append(" RETURNING ").append(returning);
            if (conflict != null) {
                sql.append(", (xmax = 0)"); // true for a row inserted, false for one updated
            }
        }
        return sql.build();
    }

    /**
     * {@code INSERT INTO t AS t0 (cols) SELECT unnest(?::text[]), unnest(?::int4[]), ...}: rows given
     * column by column, every column's type one that travels in an array ({@link #unnestable}), then
     * {@code RETURNING} the list given (none when {@code null}).
     *
     * @param values {@code values.get(i)} holds the values of {@code columns.get(i)}; rows {@code from}
     *        to {@code to - 1} are inserted
     */
    static RenderedSql insertColumns(String table, List<AttributeModel> columns, List<Object[]> values, int from, int to,
                                     TenantName tenant, String returning) {
        if (columns.isEmpty() || !unnestable(columns)) {
            throw new IllegalArgumentException("rows given by column need columns whose values travel in arrays, not "
                    + columns);
        }
        SqlBuilder sql = new SqlBuilder(tenant).append("INSERT INTO ").append(table).append(" AS t0 (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(columns.get(i).column());
        }
        sql.append(")");
        unnest(sql, columns, values, from, to);
        return returning(sql, returning);
    }

    /**
     * {@code SELECT unnest(?::text[]), unnest(?::int4[]), ...}: one array per column, unnested in the
     * select list (set-returning functions there advance together, row by row, as a
     * {@code FROM unnest(a, b)} would pair them), which PostgreSQL plans and runs faster than the
     * {@code FROM} form.
     */
    private static void unnest(SqlBuilder sql, List<AttributeModel> columns, List<Object[]> values, int from, int to) {
        sql.append(" SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            AttributeModel column = columns.get(i);
            sql.append(i == 0 ? "unnest(" : ", unnest(").bindArray(column.type(), values.get(i), from, to)
                    .append("::").append(SqlBuilder.arrayElement(column.type())).append("[])");
        }
    }

    /**
     * {@code ON CONFLICT ("email") WHERE <partial> DO UPDATE SET ... WHERE <condition>}; {@code t0} is the
     * stored row. For an attribute-strategy resource the target includes the tenant attribute (its
     * identities are unique per tenant), so a row of another tenant is never the conflicting one.
     */
    private static void onConflict(SqlBuilder sql, ResourceModel resource, Conflict conflict) {
        sql.append(" ON CONFLICT (");
        List<AttributeModel> target = conflict.target();
        AttributeModel tenantAttribute = TenantRules.attribute(resource, sql.tenant());
        if (tenantAttribute != null && !target.contains(tenantAttribute)) {
            target = new java.util.ArrayList<>(target);
            target.add(tenantAttribute);
        }
        for (int i = 0; i < target.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(target.get(i).column());
        }
        sql.append(")");
        if (conflict.targetWhere() != null) {
            // the partial index's own predicate, as declared with the identity (SQL of the model, not input)
            sql.append(" WHERE ").append(conflict.targetWhere());
        }
        Scope stored = new Scope(resource, "t0");
        sql.append(" DO UPDATE SET ");
        sql.withProposedRow(() -> {
            Assignments.set(sql, stored, resource, conflict.set());
            Expr condition = conflict.condition();
            if (condition != null) {
                sql.append(" WHERE ");
                ExpressionRenderer.render(sql, stored, condition);
            }
        });
        if (stored.needsJoins()) {
            throw new io.ashspring.error.InvalidQueryException(resource.name(), "upsert", "upsert fields and conditions can "
                    + "only use the record's own attributes and calculations over them (no relationship paths or aggregates)");
        }
    }

    /**
     * {@code UPDATE t t0 SET ... WHERE <filter>} (or, when the query needs joins, a sort, a limit or
     * a combination, {@code WHERE t0.key IN (SELECT t0.key ...)}), {@code RETURNING} when asked.
     */
    static RenderedSql updateAll(ResourceModel resource, String table, Query query, Map<AttributeModel, Object> changes,
                                 Function<Class<?>, ResourceModel> resources, TenantName tenant, String returning) {
        SqlBuilder sql = new SqlBuilder(query.arguments(), resources, tenant).append("UPDATE ").append(table)
                .append(" t0 SET ");
        Assignments.set(sql, new Scope(resource, "t0"), resource, changes);
        where(sql, resource, query, resources);
        return returning(sql, returning);
    }

    /** {@code DELETE FROM t AS t0 WHERE <filter>}, as {@link #updateAll}. */
    static RenderedSql deleteAll(ResourceModel resource, String table, Query query,
                                 Function<Class<?>, ResourceModel> resources, TenantName tenant, String returning) {
        SqlBuilder sql = new SqlBuilder(query.arguments(), resources, tenant).append("DELETE FROM ").append(table).append(" AS t0");
        where(sql, resource, query, resources);
        return returning(sql, returning);
    }

    private static RenderedSql returning(SqlBuilder sql, String returning) {
        return (returning == null ? sql : sql.append(" RETURNING ").append(returning)).build();
    }

    private static void where(SqlBuilder sql, ResourceModel resource, Query query, Function<Class<?>, ResourceModel> resources) {
        Expr filter = query.filter();
        if (query.limit() != null || query.offset() > 0 || query.combination() != null || !query.distinct().isEmpty()
                || filter != null && needsJoins(resource, query, filter, resources, sql.tenant())) {
            List<AttributeModel> key = resource.primaryKey();
            sql.append(" WHERE ").append(key.size() > 1 ? "(" : "");
            for (int i = 0; i < key.size(); i++) {
                sql.append(i == 0 ? "" : ", ").column("t0", key.get(i).column());
            }
            sql.append(key.size() > 1 ? ")" : "").append(" IN (")
                    .include(SelectRenderer.keys(resource, query.limit() == null ? query.unsorted() : query, resources,
                            sql.tenant())).append(")");
            sql.tenantCondition(" AND ", resource, "t0");
        } else if (filter != null) {
            sql.append(" WHERE ");
            ExpressionRenderer.render(sql, new Scope(resource, "t0"), filter);
            sql.tenantCondition(" AND ", resource, "t0");
        } else {
            sql.tenantCondition(" WHERE ", resource, "t0");
        }
    }

    /** Whether the filter reaches other rows (joins or aggregates), which a plain {@code WHERE} cannot. */
    private static boolean needsJoins(ResourceModel resource, Query query, Expr filter,
                                      Function<Class<?>, ResourceModel> resources, TenantName tenant) {
        Scope probe = new Scope(resource, "t0");
        ExpressionRenderer.render(new SqlBuilder(query.arguments(), resources, tenant), probe, filter);
        return probe.needsJoins();
    }

    /**
     * The rows' values column by column. Rows of a batch usually hold their attributes in the
     * columns' order: each row is walked once, and looked up by attribute only where it differs.
     */
    private static List<Object[]> columnValues(List<AttributeModel> columns, List<Map<AttributeModel, Object>> rows) {
        int width = columns.size();
        Object[][] values = new Object[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Map<AttributeModel, Object> row = rows.get(r);
            int c = 0;
            for (Map.Entry<AttributeModel, Object> entry : row.entrySet()) {
                if (c < width && entry.getKey() == columns.get(c)) {
                    values[c][r] = entry.getValue();
                    c++;
                } else {
                    c = width + 1; // another order: look each column up
                    break;
                }
            }
            if (c != width) {
                for (int i = 0; i < width; i++) {
                    values[i][r] = row.get(columns.get(i));
                }
            }
        }
        return java.util.Arrays.asList(values);
    }
}
