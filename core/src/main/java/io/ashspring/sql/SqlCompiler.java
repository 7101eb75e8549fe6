package io.ashspring.sql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.query.Query;
import io.ashspring.query.SortKey;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TimestampKind;

/**
 * The one place that turns resources, queries and changes into SQL. Every value becomes a bind
 * parameter; every identifier is validated and quoted. Rows are selected with the resource's
 * attributes in model order, which is what the row mapper reads.
 */
public final class SqlCompiler {

    private final Map<ResourceModel, ResourceSql> cache = new ConcurrentHashMap<>();

    /** The parts of SQL that never change for a resource, rendered once. */
    private record ResourceSql(String table, String selectList, String returningList, String selectByKey) {
    }

    private ResourceSql of(ResourceModel resource) {
        return cache.computeIfAbsent(resource, r -> {
            if (r.table() == null) {
                throw new IllegalArgumentException(r.name() + " is polymorphic: read it through a relationship that names its table");
            }
            String table = SqlIdentifiers.qualified(r.schema(), r.table());
            String select = r.attributes().stream().map(a -> "t0." + SqlIdentifiers.quote(a.column()))
                    .collect(Collectors.joining(", "));
            String returning = r.attributes().stream().map(a -> SqlIdentifiers.quote(a.column()))
                    .collect(Collectors.joining(", "));
            String byKey = "SELECT " + select + " FROM " + table + " t0 WHERE ";
            return new ResourceSql(table, select, returning, byKey);
        });
    }

    /**
     * {@code INSERT ... RETURNING} every column, so that defaults and generated values come back.
     *
     * @param values the attributes to write and their values; the others take their column defaults
     */
    public RenderedSql insert(ResourceModel resource, Map<AttributeModel, Object> values) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder().append("INSERT INTO ").append(parts.table());
        if (values.isEmpty()) {
            sql.append(" DEFAULT VALUES");
        } else {
            sql.append(" (").append(values.keySet().stream().map(a -> SqlIdentifiers.quote(a.column()))
                    .collect(Collectors.joining(", "))).append(") VALUES (");
            boolean first = true;
            for (Map.Entry<AttributeModel, Object> entry : values.entrySet()) {
                if (!first) {
                    sql.append(", ");
                }
                sql.bind(entry.getKey().type(), entry.getValue());
                first = false;
            }
            sql.append(")");
        }
        return sql.append(" RETURNING ").append(parts.returningList()).build();
    }

    /** {@code SELECT} one record by its primary key values (in key order). */
    public RenderedSql selectByKey(ResourceModel resource, List<Object> key) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder().append(parts.selectByKey());
        List<AttributeModel> pk = resource.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            sql.append(i == 0 ? "t0." : " AND t0.").identifier(pk.get(i).column()).append(" = ").bind(pk.get(i).type(), key.get(i));
        }
        return sql.build();
    }

    /** {@code SELECT} the records a query asks for. */
    public RenderedSql select(ResourceModel resource, Query query) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder().append("SELECT ").append(parts.selectList()).append(" FROM ")
                .append(parts.table()).append(" t0");
        where(sql, resource, query);
        if (!query.sort().isEmpty()) {
            sql.append(" ORDER BY ");
            boolean first = true;
            for (SortKey key : query.sort()) {
                if (!first) {
                    sql.append(", ");
                }
                AttributeModel attribute = attribute(resource, key.attribute(), "sort");
                sql.append("t0.").identifier(attribute.column()).append(key.descending() ? " DESC" : " ASC");
                if (key.nulls() != SortKey.Nulls.DEFAULT) {
                    sql.append(key.nulls() == SortKey.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
                }
                first = false;
            }
        }
        if (query.limit() != null) {
            sql.append(" LIMIT ").bindRaw(query.limit());
        }
        if (query.offset() > 0) {
            sql.append(" OFFSET ").bindRaw(query.offset());
        }
        return sql.build();
    }

    /** {@code SELECT count(*)} of the records a query's filter matches. */
    public RenderedSql count(ResourceModel resource, Query query) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder().append("SELECT count(*) FROM ").append(parts.table()).append(" t0");
        where(sql, resource, query);
        return sql.build();
    }

    /**
     * {@code UPDATE ... RETURNING} every column; update timestamps are set to {@code now()}.
     *
     * @param key the primary key values, in key order
     * @param changes the attributes to change and their new values
     */
    public RenderedSql update(ResourceModel resource, List<Object> key, Map<AttributeModel, Object> changes) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder().append("UPDATE ").append(parts.table()).append(" SET ");
        boolean first = true;
        for (Map.Entry<AttributeModel, Object> entry : changes.entrySet()) {
            if (!first) {
                sql.append(", ");
            }
            sql.identifier(entry.getKey().column()).append(" = ").bind(entry.getKey().type(), entry.getValue());
            first = false;
        }
        for (AttributeModel attribute : resource.attributes()) {
            if (attribute.timestamp() == TimestampKind.UPDATE && !changes.containsKey(attribute)) {
                if (!first) {
                    sql.append(", ");
                }
                // clock_timestamp(), not now(): several updates in one transaction still move forward
                sql.identifier(attribute.column()).append(" = clock_timestamp()");
                first = false;
            }
        }
        if (first) {
            throw new IllegalArgumentException("an update of " + resource.name() + " needs at least one change");
        }
        sql.append(" WHERE ");
        keyPredicate(sql, resource, key);
        return sql.append(" RETURNING ").append(parts.returningList()).build();
    }

    /** {@code DELETE} one record by its primary key values. */
    public RenderedSql delete(ResourceModel resource, List<Object> key) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder().append("DELETE FROM ").append(parts.table()).append(" WHERE ");
        keyPredicate(sql, resource, key);
        return sql.build();
    }

    private void keyPredicate(SqlBuilder sql, ResourceModel resource, List<Object> key) {
        List<AttributeModel> pk = resource.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            sql.identifier(pk.get(i).column()).append(" = ").bind(pk.get(i).type(), key.get(i));
        }
    }

    private void where(SqlBuilder sql, ResourceModel resource, Query query) {
        if (query.filter() != null) {
            sql.append(" WHERE ");
            expression(sql, resource, query.filter());
        }
    }

    private void expression(SqlBuilder sql, ResourceModel resource, Expr expr) {
        if (expr instanceof Expr.And and) {
            junction(sql, resource, and.operands(), " AND ", "TRUE");
        } else if (expr instanceof Expr.Or or) {
            junction(sql, resource, or.operands(), " OR ", "FALSE");
        } else if (expr instanceof Expr.Not not) {
            sql.append("NOT (");
            expression(sql, resource, not.operand());
            sql.append(")");
        } else if (expr instanceof Expr.IsNil isNil) {
            sql.append("(");
            expression(sql, resource, isNil.operand());
            sql.append(" IS NULL)");
        } else if (expr instanceof Expr.Compare compare) {
            comparison(sql, resource, compare);
        } else if (expr instanceof Expr.Attr attr) {
            sql.append("t0.").identifier(attribute(resource, attr.name(), "filter").column());
        } else if (expr instanceof Expr.Value value) {
            sql.bindRaw(value.value());
        } else {
            throw new IllegalStateException("The SQL compiler cannot render " + expr.getClass().getName());
        }
    }

    private void junction(SqlBuilder sql, ResourceModel resource, List<Expr> operands, String joiner, String empty) {
        if (operands.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append("(");
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            expression(sql, resource, operands.get(i));
        }
        sql.append(")");
    }

    private void comparison(SqlBuilder sql, ResourceModel resource, Expr.Compare compare) {
        // an attribute compared with a value: the value is converted to and bound as the attribute's type
        if (compare.left() instanceof Expr.Attr attr && compare.right() instanceof Expr.Value value) {
            AttributeModel attribute = attribute(resource, attr.name(), "filter");
            Object converted;
            try {
                converted = attribute.type().coerce(value.value());
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(resource.name(), attr.name(), "cannot compare with "
                        + attribute.describe(value.value()) + ": " + e.getMessage());
            }
            sql.append("t0.").identifier(attribute.column());
            if (converted == null && (compare.operator() == Expr.Operator.EQ || compare.operator() == Expr.Operator.NE)) {
                sql.append(compare.operator() == Expr.Operator.EQ ? " IS NULL" : " IS NOT NULL");
                return;
            }
            sql.append(" ").append(compare.operator().sql()).append(" ").bind(attribute.type(), converted);
            return;
        }
        sql.append("(");
        expression(sql, resource, compare.left());
        sql.append(" ").append(compare.operator().sql()).append(" ");
        expression(sql, resource, compare.right());
        sql.append(")");
    }

    private static AttributeModel attribute(ResourceModel resource, String name, String where) {
        return resource.attribute(name).orElseThrow(() -> new InvalidQueryException(resource.name(), name,
                "is not an attribute, so it cannot be used in a " + where + " (attributes: "
                        + resource.attributes().stream().map(AttributeModel::name).collect(Collectors.joining(", ")) + ")"));
    }
}
