package io.ashspring.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;
import io.ashspring.expr.SortKey;
import io.ashspring.query.Combination;
import io.ashspring.query.Lock;
import io.ashspring.query.Query;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.tenant.TenantName;
import io.ashspring.type.AttributeType;

/**
 * Renders reads: {@code SELECT} of a query (columns, distinct-on, joins, filter, sort, limit,
 * offset, lock), its {@code count(*)}, and keyset windows. Unselected attributes are selected as
 * {@code NULL}, so every row has the resource's attributes in model order, as the row mapper reads.
 */
final class SelectRenderer {

    private final ResourceModel resource;
    private final Query query;
    private final SqlBuilder sql;
    private final Scope root;
    private final Function<Class<?>, ResourceModel> resources;
    /** Whether to select only the primary key (a side of a combination). */
    private boolean keysOnly;
    /** In a load: the attribute tying a related row to its parent, selected even when the load deselects it. */
    private AttributeModel parentKeyAttribute;

    private SelectRenderer(ResourceModel resource, Query query, Function<Class<?>, ResourceModel> resources,
                           TenantName tenant) {
        this.resource = resource;
        this.query = query;
        this.resources = resources;
        this.sql = new SqlBuilder(query.arguments(), resources, tenant);
        this.root = new Scope(resource, "t0");
    }

    static RenderedSql select(ResourceModel resource, Query query, Function<Class<?>, ResourceModel> resources,
                              TenantName tenant) {
        SelectRenderer renderer = new SelectRenderer(resource, query, resources, tenant);
        renderer.select(query, List.of(), null);
        return renderer.sql.build();
    }

    /** {@code SELECT} the primary key of the records a query reads (for writes by query that need joins). */
    static RenderedSql keys(ResourceModel resource, Query query, Function<Class<?>, ResourceModel> resources,
                            TenantName tenant) {
        SelectRenderer renderer = new SelectRenderer(resource, query, resources, tenant);
        renderer.keysOnly = true;
        renderer.select(query, List.of(), null);
        return renderer.sql.build();
    }

    static RenderedSql count(ResourceModel resource, Query query, Function<Class<?>, ResourceModel> resources,
                             TenantName tenant) {
        return new SelectRenderer(resource, query, resources, tenant).count();
    }

    static ScrollStatement scroll(ResourceModel resource, Query query, Function<Class<?>, ResourceModel> resources,
                                  TenantName tenant, Map<String, ?> position, boolean backward, int fetch) {
        return new SelectRenderer(resource, query, resources, tenant).scroll(position, backward, fetch);
    }

    static RenderedSql related(ResourceModel target, Query query, Function<Class<?>, ResourceModel> resources,
                               TenantName tenant, RelationshipModel relationship, ResourceModel source,
                               AttributeType keyType, java.util.Collection<?> keys) {
        SelectRenderer renderer = new SelectRenderer(target, query, resources, tenant);
        renderer.related(relationship, source, keyType, keys);
        return renderer.sql.build();
    }

    /**
     * The records related to a batch of parents (one statement for all parents); a limit applies per
     * parent, through {@code row_number()}. The parent's key is the destination attribute of the
     * records, always selected; for many_to_many it is the join row's, selected after the loaded
     * columns (see {@link SqlCompiler#related}).
     */
    private void related(RelationshipModel relationship, ResourceModel source, AttributeType keyType,
                         java.util.Collection<?> keys) {
        if (query.offset() > 0 || query.lock() != null || !query.distinct().isEmpty() || query.combination() != null) {
            throw new InvalidQueryException(source.name(), relationship.name(), "a load takes a filter, a sort and a "
                    + "limit per parent, but no offset, lock, distinct or union/intersect/except");
        }
        Integer limit = query.limit();
        if (relationship.kind() == RelationshipKind.HAS_ONE) {
            limit = 1;
        }
        String parentKey;
        String joinAlias = null;
        if (relationship.kind() == RelationshipKind.MANY_TO_MANY) {
            ResourceModel through = sql.resource(relationship.through());
            joinAlias = sql.nextAlias();
            parentKey = joinAlias + "." + SqlIdentifiers.quote(through.requireAttribute(relationship.sourceAttributeOnJoin()).column());
        } else {
            parentKeyAttribute = resource.requireAttribute(relationship.destinationAttribute());
            parentKey = "t0." + SqlIdentifiers.quote(parentKeyAttribute.column());
        }
        if (limit != null) {
            sql.append("SELECT * FROM (");
        }
        sql.append("SELECT ");
        columns(false); // a per-parent limit is a window rank: every related row is computed
        if (joinAlias != null) {
            sql.append(", ").append(parentKey).append(" AS \"__ash_parent\"");
        }
        if (limit != null) {
            sql.append(", row_number() OVER (PARTITION BY ").append(parentKey);
            SelectRenderer.orderBy(sql, root, query.sort());
            sql.append(") AS \"__ash_rank\"");
        }
        sql.append(" FROM ");
        if (joinAlias != null) {
            ResourceModel through = sql.resource(relationship.through());
            sql.table(through, through.table()).append(" ").append(joinAlias).append(" JOIN ");
            Scope.table(sql, relationship, resource).append(" t0 ON ")
                    .column("t0", resource.requireAttribute(relationship.destinationAttribute()).column()).append(" = ")
                    .column(joinAlias, through.requireAttribute(relationship.destinationAttributeOnJoin()).column());
        } else {
            Scope.table(sql, relationship, resource).append(" t0");
        }
        SqlBuilder.Mark joins = sql.mark();
        sql.append(" WHERE ").append(parentKey).append(" = ANY(").bindArray(keyType, keys).append(")");
        sql.tenantCondition(" AND ", resource, "t0");
        if (joinAlias != null) {
            sql.tenantCondition(" AND ", sql.resource(relationship.through()), joinAlias);
        }
        if (query.filter() != null) {
            sql.append(" AND ");
            ExpressionRenderer.operand(sql, root, query.filter());
        }
        if (limit == null) {
            orderBy(sql, root, query.sort());
        } else {
            sql.append(") r WHERE r.\"__ash_rank\" <= ").bindRaw(limit).append(" ORDER BY r.\"__ash_rank\"");
        }
        sql.insert(joins, root::renderJoins);
    }

    /**
     * @param read the query to render: this renderer's, or for a window the same with the window's sort and limit
     * @param extraColumns expressions selected after the attributes
     * @param keyset the condition of a keyset window, or {@code null}
     */
    private void select(Query read, List<SortKey> extraColumns, Expr keyset) {
        List<SortKey> order = read.sort();
        sql.append("SELECT ");
        if (!query.distinct().isEmpty()) {
            if (query.lock() != null) {
                throw new IllegalArgumentException("A lock cannot be combined with distinct (PostgreSQL allows no FOR "
                        + "UPDATE/SHARE with DISTINCT)");
            }
            distinctOn();
            order = distinctOrder(read.sort());
        }
        // a limited read computes its selected aggregates for the rows it returns only (see ComputedRenderer)
        columns(read.limit() != null && query.distinct().isEmpty());
        for (SortKey key : extraColumns) {
            sql.append(", ");
            ExpressionRenderer.operand(sql, root, key.expression());
        }
        SqlBuilder.Mark joins = from();
        where(keyset);
        orderBy(sql, root, order);
        if (read.limit() != null) {
            sql.append(" LIMIT ").bindRaw(read.limit());
        }
        if (read.offset() > 0) {
            sql.append(" OFFSET ").bindRaw(read.offset());
        }
        Lock lock = read.lock();
        if (lock != null) {
            // OF t0: rows of joined (nullable) tables cannot be locked, and need not be
            sql.append(" ").append(lock.strength().sql()).append(" OF t0").append(lock.onLocked().sql());
        }
        sql.insert(joins, root::renderJoins);
    }

    private RenderedSql count() {
        sql.append("SELECT count(*) FROM ");
        if (query.distinct().isEmpty()) {
            table().append(" t0");
            SqlBuilder.Mark joins = sql.mark();
            where(null);
            sql.insert(joins, root::renderJoins);
        } else {
            sql.append("(SELECT ");
            distinctOn();
            sql.append("1 FROM ");
            table().append(" t0");
            SqlBuilder.Mark joins = sql.mark();
            where(null);
            sql.insert(joins, root::renderJoins);
            sql.append(") d");
        }
        return sql.build();
    }

    /**
     * A keyset window: the query's sort with the primary key added as the last tie-breaker, the
     * rows after {@code position} (or before it, backwards), and the sort keys' values selected
     * after the attributes so that the position of each row can be told.
     */
    private ScrollStatement scroll(Map<String, ?> position, boolean backward, int fetch) {
        if (!query.distinct().isEmpty()) {
            throw new IllegalArgumentException("Keyset scrolling cannot be combined with distinct");
        }
        List<SortKey> keys = keysetKeys();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String attribute = keys.get(i).attribute();
            names.add(attribute != null ? attribute : "$" + i);
        }
        List<SortKey> scan = backward ? keys.stream().map(SortKey::reversed).toList() : keys;
        List<AttributeType> types = new ArrayList<>();
        List<Boolean> nullable = new ArrayList<>();
        for (SortKey key : keys) {
            Scope.Resolved resolved = ExpressionRenderer.typed(sql, root, key.expression());
            types.add(resolved == null ? null : resolved.attribute().type());
            // an own attribute that is required cannot be null; one reached through a LEFT JOIN can
            nullable.add(resolved == null || !((Expr.Attr) key.expression()).path().isEmpty()
                    || resolved.attribute().allowNil() && !resolved.attribute().primaryKey());
        }
        Expr keyset = null;
        if (position != null && !position.isEmpty()) {
            if (!position.keySet().equals(new HashSet<>(names))) {
                throw new InvalidQueryException(resource.name(), "position", "does not match the sort: expected the keys "
                        + names + " but got " + position.keySet());
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Object value = position.get(names.get(i));
                values.add(types.get(i) != null ? value : untypedPosition(names.get(i), value));
            }
            keyset = Keyset.after(scan, values, nullable);
        }
        select(query.unsorted().sort(scan).limit(fetch), keys, keyset);
        return new ScrollStatement(sql.build(), names, types,
                resource.attributes().size() + LoadedColumns.of(resource, query).size() + 1);
    }

    /**
     * The position value of an expression key (whose type is not known here): PostgreSQL's text of
     * the value, bound as an untyped parameter so that PostgreSQL reads it as the expression's own
     * type, exactly (a numeric, a timestamp with microseconds, a real).
     */
    private Object untypedPosition(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new InvalidQueryException(resource.name(), name, "a position value of an expression key is a text, "
                    + "a number or a boolean, not " + value.getClass().getSimpleName());
        }
        return SqlBuilder.untyped(String.valueOf(ExpressionRenderer.checked(root, name, value)));
    }

    private List<SortKey> keysetKeys() {
        List<SortKey> keys = new ArrayList<>();
        for (SortKey key : query.sort()) {
            if (keys.stream().noneMatch(k -> k.expression().equals(key.expression()))) {
                keys.add(key);
            }
        }
        for (AttributeModel key : resource.primaryKey()) {
            Expr.Attr attr = Expressions.attr(key.name());
            if (keys.stream().noneMatch(k -> k.expression().equals(attr))) {
                keys.add(SortKey.asc(attr));
            }
        }
        return keys;
    }

    private void distinctOn() {
        sql.append("DISTINCT ON (");
        for (int i = 0; i < query.distinct().size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            ExpressionRenderer.render(sql, root, Expressions.attr(query.distinct().get(i)));
        }
        sql.append(") ");
    }

    /** DISTINCT ON needs its expressions first in the ORDER BY: in the query's direction when it sorts by them. */
    private List<SortKey> distinctOrder(List<SortKey> sort) {
        List<SortKey> order = new ArrayList<>();
        List<Expr> distinct = query.distinct().stream().<Expr>map(Expressions::attr).toList();
        for (Expr expression : distinct) {
            Optional<SortKey> asked = sort.stream().filter(k -> k.expression().equals(expression)).findFirst();
            order.add(asked.orElse(SortKey.asc(expression)));
        }
        sort.stream().filter(k -> !distinct.contains(k.expression())).forEach(order::add);
        return order;
    }

    private void columns(boolean postponable) {
        if (keysOnly) {
            keyColumns();
            return;
        }
        Set<AttributeModel> selected = selection();
        boolean first = true;
        for (AttributeModel attribute : resource.attributes()) {
            sql.append(first ? "" : ", ");
            if (selected == null || selected.contains(attribute)) {
                sql.column("t0", attribute.column());
            } else {
                sql.append("NULL");
            }
            first = false;
        }
        for (io.ashspring.resource.model.ComputedModel computed : LoadedColumns.of(resource, query)) {
            sql.append(", ");
            if (postponable) {
                sql.withCorrelatedAggregates(() -> ComputedRenderer.render(sql, root, computed));
            } else {
                ComputedRenderer.render(sql, root, computed);
            }
        }
    }

    /** The attributes to read, or {@code null} for all; the primary key is always read. */
    private Set<AttributeModel> selection() {
        if (query.selected() == null && query.deselected().isEmpty()) {
            return null;
        }
        Set<AttributeModel> selected = new HashSet<>();
        if (query.selected() == null) {
            selected.addAll(resource.attributes());
        } else {
            query.selected().forEach(name -> selected.add(selectable(name, "selected")));
            selected.addAll(resource.primaryKey());
        }
        for (String name : query.deselected()) {
            AttributeModel attribute = selectable(name, "deselected");
            if (attribute.primaryKey()) {
                throw new InvalidQueryException(resource.name(), name, "is part of the primary key, which is always selected");
            }
            selected.remove(attribute);
        }
        if (parentKeyAttribute != null) {
            selected.add(parentKeyAttribute);
        }
        return selected;
    }

    private AttributeModel selectable(String name, String verb) {
        return resource.attribute(name).orElseThrow(() -> new InvalidQueryException(resource.name(), name,
                "is not an attribute, so it cannot be " + verb + " (attributes: " + resource.attributes().stream()
                        .map(AttributeModel::name).collect(Collectors.joining(", ")) + ")"));
    }

    private SqlBuilder.Mark from() {
        sql.append(" FROM ");
        table().append(" t0");
        return sql.mark();
    }

    /** Appends the resource's table for this call (see {@link SqlBuilder#table}). */
    private SqlBuilder table() {
        table(resource); // refuses a polymorphic resource not bound to a table
        return sql.table(resource, resource.table());
    }

    /** {@code "schema"."table"} of a resource; a polymorphic one must be bound to one of its tables first. */
    static String table(ResourceModel resource) {
        if (resource.table() == null) {
            throw new IllegalArgumentException(resource.name() + " is polymorphic: bind it to one of the tables its "
                    + "relationships name (ResourceService.inTable, ResourceRegistry.inTable), or read it through such a relationship");
        }
        return SqlIdentifiers.qualified(resource.schema(), resource.table());
    }

    private void where(Expr keyset) {
        Expr filter = query.filter();
        Expr condition = filter == null ? keyset : keyset == null ? filter : new Expr.And(List.of(filter, keyset));
        if (query.combination() == null && condition == null) {
            sql.tenantCondition(" WHERE ", resource, "t0");
            return;
        }
        sql.append(" WHERE ");
        if (query.combination() != null) {
            combination(query.combination());
            if (condition != null) {
                sql.append(" AND ");
            }
        }
        if (condition != null) {
            ExpressionRenderer.render(sql, root, condition);
        }
        sql.tenantCondition(" AND ", resource, "t0");
    }

    /**
     * The records of a union, intersection or difference of two queries, by primary key:
     * {@code t0."id" IN ((SELECT t0."id" FROM ... WHERE ...) UNION (SELECT t0."id" FROM ...))}.
     * Each side is a self-contained subquery with its own filter, sort, limit, offset, distinct
     * and arguments (the combined query's arguments apply to both where a side does not give one).
     */
    private void combination(Combination combination) {
        boolean composite = resource.primaryKey().size() > 1;
        sql.append(composite ? "(" : "");
        keyColumns();
        sql.append(composite ? ")" : "").append(" IN ((");
        side(combination.left());
        sql.append(") ").append(combination.operation().sql()).append(" (");
        side(combination.right());
        sql.append("))");
    }

    /** {@code t0."id"}, or the columns of a composite primary key. */
    private void keyColumns() {
        List<AttributeModel> key = resource.primaryKey();
        for (int i = 0; i < key.size(); i++) {
            sql.append(i == 0 ? "" : ", ").column("t0", key.get(i).column());
        }
    }

    private void side(Query side) {
        if (!side.loads().isEmpty() || side.lock() != null || side.selected() != null || !side.deselected().isEmpty()) {
            throw new InvalidQueryException(resource.name(), "union", "a side of union/intersect/except reads records "
                    + "by filter, sort, limit, offset and distinct only: put loads, select and locks on the combined query");
        }
        java.util.Map<String, Object> arguments = new java.util.HashMap<>(query.arguments());
        arguments.putAll(side.arguments());
        SelectRenderer renderer = new SelectRenderer(resource, side.arguments(arguments), resources, sql.tenant());
        renderer.keysOnly = true;
        renderer.select(renderer.query, List.of(), null);
        sql.include(renderer.sql.build());
    }

    static void orderBy(SqlBuilder sql, Scope root, List<SortKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            sql.append(i == 0 ? "" : ", ");
            ExpressionRenderer.operand(sql, root, key.expression());
            sql.append(key.descending() ? " DESC" : " ASC");
            // only when it differs from PostgreSQL's default (nulls last ascending, first descending)
            if (key.nullsComeFirst() != key.descending()) {
                sql.append(key.nullsComeFirst() ? " NULLS FIRST" : " NULLS LAST");
            }
        }
    }
}
