package io.ashspring.sql;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ashspring.query.Query;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.type.AttributeType;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TenantRules;
import io.ashspring.tenant.TenantName;

/**
 * The one place that turns resources, queries and changes into SQL. Every value becomes a bind
 * parameter; every identifier is validated and quoted. Rows are selected with the resource's
 * attributes in model order, which is what the row mapper reads.
 *
 * <p>A compiler renders for one tenant or none ({@link #forTenant}): a schema-strategy resource's
 * table is qualified with the tenant's schema in every statement ({@code "acme"."tickets"}, never
 * {@code SET search_path}), and every row of an attribute-strategy resource a statement reads,
 * joins, loads, aggregates, updates or deletes is narrowed to the tenant (see {@link TenantRules}).
 */
public final class SqlCompiler {

    private final Map<ResourceModel, ResourceSql> cache;
    private final Function<Class<?>, ResourceModel> resources;
    private final TenantName tenant;

    /** A compiler that cannot follow relationships (paths and {@code exists} fail clearly). */
    public SqlCompiler() {
        this(type -> {
            throw new IllegalArgumentException("This SQL compiler has no resource registry to follow relationships to "
                    + type.getName());
        });
    }

    /**
     * A compiler that follows relationships to the resources the function gives.
     *
     * @param resources the model of a relationship's target class (e.g. {@code registry::resource})
     */
    public SqlCompiler(Function<Class<?>, ResourceModel> resources) {
        this(new ConcurrentHashMap<>(), resources, null);
    }

    private SqlCompiler(Map<ResourceModel, ResourceSql> cache, Function<Class<?>, ResourceModel> resources,
                        TenantName tenant) {
        this.cache = cache;
        this.resources = resources;
        this.tenant = tenant;
    }

    /**
     * This compiler rendering for a tenant ({@code null}: for none); cheap, it shares everything
     * else. A multitenant resource called without a tenant is refused when its statement is rendered
     * (before any SQL runs), unless it is declared {@code global}.
     */
    public SqlCompiler forTenant(TenantName newTenant) {
        return Objects.equals(newTenant, tenant) ? this : new SqlCompiler(cache, resources, newTenant);
    }

    /** The tenant this compiler renders for, or {@code null}. */
    public TenantName tenant() {
        return tenant;
    }

    /** The parts of SQL that never change for a resource, rendered once. */
    private record ResourceSql(String table, String selectList, String returningList, String selectByKey) {
    }

    private ResourceSql of(ResourceModel resource) {
        return cache.computeIfAbsent(resource, r -> {
            String table = SelectRenderer.table(r);
            String select = r.attributes().stream().map(a -> "t0." + SqlIdentifiers.quote(a.column()))
                    .collect(Collectors.joining(", "));
            String returning = r.attributes().stream().map(a -> SqlIdentifiers.quote(a.column()))
                    .collect(Collectors.joining(", "));
            String byKey = "SELECT " + select + " FROM " + table + " t0 WHERE ";
            return new ResourceSql(table, select, returning, byKey);
        });
    }

    /** The table of a resource for this compiler's tenant: the cached one unless it is in the tenant's schema. */
    private String table(ResourceModel resource, ResourceSql parts) {
        return resource.tenancy().bySchema()
                ? SqlIdentifiers.qualified(TenantRules.schema(resource, tenant), resource.table()) : parts.table();
    }

    /**
     * The values with the tenant attribute set for an attribute-strategy resource (the runtime has
     * set it already, and refused input naming another tenant); unchanged for any other.
     */
    private Map<AttributeModel, Object> withTenant(ResourceModel resource, Map<AttributeModel, Object> values) {
        AttributeModel attribute = TenantRules.attribute(resource, tenant);
        if (attribute == null) {
            return values;
        }
        Object value = TenantRules.value(resource, attribute, tenant);
        if (values.containsKey(attribute)) {
            if (!Objects.equals(values.get(attribute), value)) {
                throw new IllegalArgumentException(resource.name() + "." + attribute.name() + " holds the tenant: a row "
                        + "of tenant " + tenant + " cannot be written with another value of it");
            }
            return values;
        }
        Map<AttributeModel, Object> with = new java.util.LinkedHashMap<>(values);
        with.put(attribute, value);
        return with;
    }

    /**
     * {@code INSERT ... RETURNING} every column, so that defaults and generated values come back.
     *
     * @param values the attributes to write and their values; the others take their column defaults
     */
    public RenderedSql insert(ResourceModel resource, Map<AttributeModel, Object> values) {
        ResourceSql parts = of(resource);
        Map<AttributeModel, Object> written = withTenant(resource, values);
        SqlBuilder sql = new SqlBuilder(tenant).append("INSERT INTO ").append(table(resource, parts));
        if (written.isEmpty()) {
            sql.append(" DEFAULT VALUES");
        } else {
            sql.append(" (").append(written.keySet().stream().map(a -> SqlIdentifiers.quote(a.column()))
                    .collect(Collectors.joining(", "))).append(") VALUES (");
            boolean first = true;
            for (Map.Entry<AttributeModel, Object> entry : written.entrySet()) {
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

    /**
     * {@code INSERT ... ON CONFLICT ... DO UPDATE ... RETURNING} every column and then whether the
     * row was inserted ({@code xmax = 0}); a stored row the condition refuses returns nothing.
     *
     * @param values the attributes to write and their values
     * @param conflict the identity and what a conflict updates
     * @param arguments the values of {@code ^arg(name)} in the conflict's expressions
     */
    public RenderedSql upsert(ResourceModel resource, Map<AttributeModel, Object> values, Conflict conflict,
                              Map<String, Object> arguments) {
        return insertAll(resource, List.copyOf(values.keySet()), List.of(values), conflict, arguments, true);
    }

    /**
     * One {@code INSERT} of many rows: {@code SELECT * FROM unnest(?::text[], ?::int4[], ...)}, one
     * array per column, or a {@code VALUES} list when a column's type cannot be bound as an array
     * (jsonb, arrays, bytea, PostgreSQL enum types). See {@link #maxRowsPerInsert}.
     *
     * @param columns the attributes written, the same for every row (the others take their column defaults)
     * @param rows each row's values by attribute
     * @param conflict the upsert's conflict clause, or {@code null} for a plain insert
     * @param returning whether to return every column (and, for an upsert, {@code xmax = 0} after them)
     */
    public RenderedSql insertAll(ResourceModel resource, List<AttributeModel> columns, List<Map<AttributeModel, Object>> rows,
                                 Conflict conflict, Map<String, Object> arguments, boolean returning) {
        ResourceSql parts = of(resource);
        AttributeModel tenantAttribute = TenantRules.attribute(resource, tenant);
        List<AttributeModel> written = columns;
        List<Map<AttributeModel, Object>> values = rows;
        if (tenantAttribute != null) {
            values = rows.stream().map(row -> withTenant(resource, row)).toList();
            if (!columns.contains(tenantAttribute)) {
                written = new java.util.ArrayList<>(columns);
                written.add(tenantAttribute);
            }
        }
        return WriteRenderer.insertAll(resource, table(resource, parts), written, values, conflict, arguments, resources,
                tenant, returning ? parts.returningList() : null);
    }

    /**
     * One {@code INSERT} of rows given column by column, the way a bulk create gathers them:
     * {@code INSERT INTO t (a, b) SELECT unnest(?::text[]), unnest(?::int4[])}, then
     * {@code RETURNING} the attributes asked for, in their order.
     *
     * @param columns the attributes written, each of a type whose values travel in an array ({@link #unnestable})
     * @param values {@code values.get(i)} holds the values of {@code columns.get(i)}
     * @param from the first row inserted
     * @param to the row after the last one inserted
     * @param returning the attributes to return (none: the statement returns only its count)
     */
    public RenderedSql insertColumns(ResourceModel resource, List<AttributeModel> columns, List<Object[]> values, int from,
                                     int to, List<AttributeModel> returning) {
        String list = returning.isEmpty() ? null : returning.stream().map(a -> SqlIdentifiers.quote(a.column()))
                .collect(Collectors.joining(", "));
        return WriteRenderer.insertColumns(table(resource, of(resource)), columns, values, from, to, tenant, list);
    }

    /** Whether rows writing these columns can be given column by column to {@link #insertColumns}. */
    public boolean unnestable(List<AttributeModel> columns) {
        return WriteRenderer.unnestable(columns);
    }

    /**
     * How many rows one {@link #insertAll} of these columns can take: any number through
     * {@code unnest}; within PostgreSQL's 65,535 bind parameters with a {@code VALUES} list.
     */
    public int maxRowsPerInsert(List<AttributeModel> columns) {
        return WriteRenderer.unnestable(columns) ? Integer.MAX_VALUE
                : Math.max(1, (WriteRenderer.MAX_BINDS - 200) / Math.max(1, columns.size()));
    }

    /**
     * {@code UPDATE ... SET ... WHERE <the query's filter>} in one statement: the records the query
     * reads (its filter, relationship paths, aggregates, limit). Values and atomic expressions as
     * in {@link #update(ResourceModel, List, Map, Map, Map)}.
     *
     * @param returning whether to return every column of the updated rows
     */
    public RenderedSql updateAll(ResourceModel resource, Query query, Map<AttributeModel, Object> changes, boolean returning) {
        ResourceSql parts = of(resource);
        return WriteRenderer.updateAll(resource, table(resource, parts), query, changes, resources, tenant,
                returning ? parts.returningList() : null);
    }

    /** {@code DELETE ... WHERE <the query's filter>} in one statement, as {@link #updateAll}. */
    public RenderedSql deleteAll(ResourceModel resource, Query query, boolean returning) {
        ResourceSql parts = of(resource);
        return WriteRenderer.deleteAll(resource, table(resource, parts), query, resources, tenant, returning ? parts.returningList() : null);
    }

    /** {@code SELECT} one record by its primary key values (in key order). */
    public RenderedSql selectByKey(ResourceModel resource, List<Object> key) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder(tenant);
        if (resource.tenancy().bySchema()) {
            sql.append("SELECT ").append(parts.selectList()).append(" FROM ").append(table(resource, parts)).append(" t0 WHERE ");
        } else {
            sql.append(parts.selectByKey());
        }
        List<AttributeModel> pk = resource.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            sql.append(i == 0 ? "t0." : " AND t0.").identifier(pk.get(i).column()).append(" = ").bind(pk.get(i).type(), key.get(i));
        }
        sql.tenantCondition(" AND ", resource, "t0");
        return sql.build();
    }

    /** {@code SELECT} the records a query asks for. */
    public RenderedSql select(ResourceModel resource, Query query) {
        return SelectRenderer.select(resource, query, resources, tenant);
    }

    /**
     * The aggregates and SQL calculations a query loads, in the order they are selected: right after
     * the attributes.
     *
     * @throws io.ashspring.error.InvalidQueryException when a load names nothing loadable
     */
    public List<ComputedModel> loadedColumns(ResourceModel resource, Query query) {
        return LoadedColumns.of(resource, query);
    }

    /**
     * {@code SELECT} the records of a relationship's target related to a batch of parents, in one
     * statement: {@code WHERE fk = ANY(?)}, with the load's filter and sort, and its limit per
     * parent. Each row holds the target's attributes, then its loaded columns. The parent's key is
     * the row's destination attribute (selected even if the load deselects it), except for a
     * many_to_many, whose rows hold the join row's key in one more column after the loaded ones.
     *
     * @param source the parents' resource
     * @param relationship the relationship of {@code source} to load
     * @param load the load's query (filter, sort, per-parent limit, loads of the target)
     * @param keyType the type of the parents' key values
     * @param keys the parents' distinct key values (the relationship's source attribute)
     */
    public RenderedSql related(ResourceModel source, RelationshipModel relationship, Query load, AttributeType keyType,
                               java.util.Collection<?> keys) {
        return SelectRenderer.related(resources.apply(relationship.target()), load, resources, tenant, relationship, source,
                keyType, keys);
    }

    /** {@code SELECT count(*)} of the records a query's filter (and distinct) matches. */
    public RenderedSql count(ResourceModel resource, Query query) {
        return SelectRenderer.count(resource, query, resources, tenant);
    }

    /**
     * {@code SELECT} a keyset window: the query's sort with the primary key as the last
     * tie-breaker, the rows after the position (before it when reading backwards, then in reversed
     * order), at most {@code fetch} rows, with the sort keys' values after the attributes.
     *
     * @param position the sort key values of the row to start after, by key name; empty for the start (or the end, backwards)
     * @param backward whether to read the rows before the position
     * @param fetch how many rows to read
     * @throws io.ashspring.error.InvalidQueryException when the position's keys do not match the sort
     */
    public ScrollStatement scroll(ResourceModel resource, Query query, Map<String, ?> position, boolean backward, int fetch) {
        return SelectRenderer.scroll(resource, query, resources, tenant, position, backward, fetch);
    }

    /**
     * {@code UPDATE ... RETURNING} every column; update timestamps are set to {@code now()}.
     *
     * @param key the primary key values, in key order
     * @param changes the attributes to change and their new values
     */
    public RenderedSql update(ResourceModel resource, List<Object> key, Map<AttributeModel, Object> changes) {
        return update(resource, key, changes, Map.of(), Map.of());
    }

    /**
     * {@code UPDATE "schema"."table" t0 SET ... WHERE <key> [AND <expected>] RETURNING} every column;
     * update timestamps are set to {@code clock_timestamp()}. A change whose value is an
     * {@link io.ashspring.expr.Expr} is atomic: evaluated against the row ({@code "priority" =
     * (t0."priority" + ?)}), with {@code ^arg(name)} taken from {@code arguments}.
     *
     * @param key the primary key values, in key order
     * @param changes the attributes to change and their new values or expressions
     * @param arguments the values of {@code ^arg(name)} references in expression values
     * @param expected attributes the row must still hold these values of (a version), or no row changes
     */
    public RenderedSql update(ResourceModel resource, List<Object> key, Map<AttributeModel, Object> changes,
                              Map<String, Object> arguments, Map<AttributeModel, Object> expected) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder(arguments, resources, tenant).append("UPDATE ").append(table(resource, parts))
                .append(" t0 SET ");
        Assignments.set(sql, new Scope(resource, "t0"), resource, changes);
        sql.append(" WHERE ");
        keyPredicate(sql, resource, key);
        sql.tenantCondition(" AND ", resource, null);
        expectedPredicate(sql, expected);
        return sql.append(" RETURNING ").append(parts.returningList()).build();
    }

    /**
     * {@code DELETE} one record by its primary key values, if it still holds the expected values (a
     * version), {@code RETURNING} every column of the deleted row.
     */
    public RenderedSql delete(ResourceModel resource, List<Object> key, Map<AttributeModel, Object> expected) {
        ResourceSql parts = of(resource);
        SqlBuilder sql = new SqlBuilder(tenant).append("DELETE FROM ").append(table(resource, parts)).append(" WHERE ");
        keyPredicate(sql, resource, key);
        sql.tenantCondition(" AND ", resource, null);
        expectedPredicate(sql, expected);
        return sql.append(" RETURNING ").append(parts.returningList()).build();
    }

    private static void expectedPredicate(SqlBuilder sql, Map<AttributeModel, Object> expected) {
        expected.forEach((attribute, value) -> sql.append(" AND ").identifier(attribute.column()).append(" = ")
                .bind(attribute.type(), value));
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
}
