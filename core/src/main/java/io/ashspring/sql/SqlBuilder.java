package io.ashspring.sql;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.SqlParameterValue;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TenantRules;
import io.ashspring.tenant.TenantName;
import io.ashspring.type.AttributeType;

/**
 * The render context: appends SQL text and collects bind values in the same pass, in order. It
 * also carries what one statement shares: the arguments of {@code ^arg} references, the resources
 * reachable through relationships, the call's tenant (which schema a table is in, which rows a
 * tenant sees: see {@link TenantRules}), the next table alias, and the extensions the SQL needs.
 */
final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder(128);
    private final List<Object> binds = new ArrayList<>();
    private final Map<String, Object> arguments;
    private final Function<Class<?>, ResourceModel> resources;
    private final TenantName tenant;
    private final Map<String, List<String>> extensions = new LinkedHashMap<>();
    private int aliases = 1;
    private int laterals = 1;
    private boolean correlatedAggregates;
    /** Whether {@code EXCLUDED} (the row an upsert proposed) is in scope: in {@code ON CONFLICT DO UPDATE}. */
    private boolean proposedRow;

    /** A context for statements without expressions (writes, reads by key). */
    SqlBuilder(TenantName tenant) {
        this(Map.of(), type -> {
            throw new IllegalStateException("no resources to follow relationships to");
        }, tenant);
    }

    /** @param tenant the call's tenant, or {@code null} */
    SqlBuilder(Map<String, Object> arguments, Function<Class<?>, ResourceModel> resources, TenantName tenant) {
        this.arguments = arguments;
        this.resources = resources;
        this.tenant = tenant;
    }

    /** The call's tenant, or {@code null}. */
    TenantName tenant() {
        return tenant;
    }

    /**
     * Appends {@code "schema"."table"} of a resource for this call: a schema-strategy resource's
     * table in the tenant's schema ({@code "acme"."tickets"}), every other in its own schema.
     *
     * @param table the resource's table, or the table a relationship names for a polymorphic resource
     */
    SqlBuilder table(ResourceModel resource, String table) {
        sql.append(SqlIdentifiers.qualified(TenantRules.schema(resource, tenant), table));
        return this;
    }

    /**
     * For an attribute-strategy resource called with a tenant, appends {@code glue} then
     * {@code alias."organization_id" = ?} bound to the tenant; nothing otherwise.
     *
     * @return whether a condition was appended
     */
    boolean tenantCondition(String glue, ResourceModel resource, String alias) {
        AttributeModel attribute = TenantRules.attribute(resource, tenant);
        if (attribute == null) {
            return false;
        }
        sql.append(glue);
        if (alias != null) {
            sql.append(alias).append('.');
        }
        identifier(attribute.column()).append(" = ").bind(attribute.type(), TenantRules.value(resource, attribute, tenant));
        return true;
    }

    SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    SqlBuilder identifier(String name) {
        sql.append(SqlIdentifiers.quote(name));
        return this;
    }

    /** {@code alias."column"}. */
    SqlBuilder column(String alias, String column) {
        sql.append(alias).append('.').append(SqlIdentifiers.quote(column));
        return this;
    }

    /** Appends a placeholder bound to a value of a known attribute type. */
    SqlBuilder bind(AttributeType type, Object value) {
        sql.append('?');
        binds.add(value == null ? new SqlParameterValue(type.jdbcType() == Types.ARRAY ? Types.ARRAY : Types.OTHER, null)
                : new SqlParameterValue(type.jdbcType(), type.toJdbc(value)));
        return this;
    }

    /** Appends a placeholder bound to a PostgreSQL array of values of one attribute type (for {@code = ANY(?)}). */
    SqlBuilder bindArray(AttributeType element, Collection<?> values) {
        Object[] array = values.toArray();
        return bindArray(element, array, 0, array.length);
    }

    /** Appends a placeholder bound to a PostgreSQL array of {@code values[from]} to {@code values[to - 1]}, of one attribute type. */
    SqlBuilder bindArray(AttributeType element, Object[] values, int from, int to) {
        String elementType = arrayElement(element);
        if (elementType == null) {
            throw new IllegalArgumentException("values of SQL type " + element.sqlType() + " cannot be bound as one array");
        }
        Object[] jdbc = new Object[to - from];
        for (int i = from; i < to; i++) {
            Object value = values[i];
            jdbc[i - from] = value == null ? null : element.toJdbc(value);
        }
        Object[] elements = typed(jdbc);
        sql.append('?');
        binds.add(new SqlParameterValue(Types.ARRAY, new org.springframework.jdbc.core.support.AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(java.sql.Connection con, int type, String typeName) throws java.sql.SQLException {
                return con.createArrayOf(elementType, elements);
            }
        }));
        return this;
    }

    /** Element classes pgjdbc sends as binary arrays when the array is of exactly that class. */
    private static final java.util.Set<Class<?>> BINARY_ELEMENTS = java.util.Set.of(String.class, Integer.class,
            Long.class, Short.class, Double.class, Float.class, Boolean.class);

    /**
     * The values as an array of their one class ({@code String[]}, {@code Long[]}...) when they share
     * one that pgjdbc encodes in binary: PostgreSQL then skips parsing the array's text, which is
     * most of the cost of a large {@code unnest} insert. Other values stay an {@code Object[]} (text).
     */
    private static Object[] typed(Object[] elements) {
        Class<?> type = null;
        for (Object element : elements) {
            if (element != null) {
                if (type == null) {
                    type = element.getClass();
                } else if (type != element.getClass()) {
                    return elements;
                }
            }
        }
        if (type == null || !BINARY_ELEMENTS.contains(type)) {
            return elements;
        }
        Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(type, elements.length);
        System.arraycopy(elements, 0, typed, 0, elements.length);
        return typed;
    }

    /**
     * The PostgreSQL element type name of an array of this attribute type ({@code int4},
     * {@code uuid}, {@code text}...), or {@code null} when its values are not bound as an array
     * (arrays, jsonb, bytea, types of extensions other than citext).
     */
    static String arrayElement(AttributeType type) {
        String sqlType = type.sqlType().trim().toLowerCase(Locale.ROOT);
        int paren = sqlType.indexOf('(');
        String base = paren < 0 ? sqlType : sqlType.substring(0, paren).trim();
        return ARRAY_ELEMENTS.get(base);
    }

    /** Column types whose values bind as one array, and the element type name the driver knows them by. */
    private static final Map<String, String> ARRAY_ELEMENTS = Map.ofEntries(
            Map.entry("text", "text"), Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"),
            Map.entry("citext", "citext"), Map.entry("uuid", "uuid"),
            Map.entry("smallint", "int2"), Map.entry("integer", "int4"), Map.entry("int", "int4"),
            Map.entry("bigint", "int8"), Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"),
            Map.entry("real", "float4"), Map.entry("double precision", "float8"), Map.entry("boolean", "bool"),
            Map.entry("date", "date"), Map.entry("time", "time"), Map.entry("timestamp", "timestamp"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("timestamp with time zone", "timestamptz"));

    /** Appends a placeholder bound to a value whose type the driver infers. */
    SqlBuilder bindRaw(Object value) {
        sql.append('?');
        binds.add(value);
        return this;
    }

    /**
     * Appends a placeholder bound to a value of no known attribute type (compared with a function
     * result, an argument of a fragment...), converted the way attribute types convert it.
     */
    SqlBuilder bindLiteral(Object value) {
        if (value instanceof Collection<?> || value instanceof Object[]) {
            throw new IllegalArgumentException("a list value can only be used with in, not as a single value: " + value);
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("a map value cannot be bound here; compare a jsonb attribute with it");
        }
        return bindRaw(literal(value));
    }

    /** A text bound with no type, which PostgreSQL reads as the type of what it is compared with. */
    static SqlParameterValue untyped(String text) {
        return new SqlParameterValue(Types.OTHER, text);
    }

    /** The JDBC form of a loose value: enums as their stored (lower-case) name, instants as timestamptz. */
    static Object literal(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT); // as EnumType stores enums
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return value;
    }

    /** The value of an {@code ^arg(name)} reference. */
    Object argument(ResourceModel resource, String name) {
        if (!arguments.containsKey(name)) {
            throw new InvalidQueryException(resource.name(), "^arg(" + name + ")", "was not given (arguments given: "
                    + (arguments.isEmpty() ? "none" : String.join(", ", arguments.keySet())) + ")");
        }
        return arguments.get(name);
    }

    /** The model of a relationship's target. */
    ResourceModel resource(Class<?> type) {
        return resources.apply(type);
    }

    /** A fresh table alias for this statement: {@code t1}, {@code t2}... ({@code t0} is the root). */
    String nextAlias() {
        return "t" + aliases++;
    }

    /** A fresh alias for a lateral subquery of this statement: {@code a1}, {@code a2}... */
    String nextLateralAlias() {
        return "a" + laterals++;
    }

    /**
     * Whether aggregates met now are rendered as correlated subqueries instead of shared laterals:
     * set while the selected columns of a limited read are rendered (see {@link ComputedRenderer}).
     */
    boolean correlatedAggregates() {
        return correlatedAggregates;
    }

    /** Renders {@code content} with aggregates as correlated subqueries. */
    void withCorrelatedAggregates(Runnable content) {
        boolean before = correlatedAggregates;
        correlatedAggregates = true;
        try {
            content.run();
        } finally {
            correlatedAggregates = before;
        }
    }

    /** Whether {@code excluded(...)} may be rendered here (an upsert's {@code DO UPDATE}). */
    boolean proposedRow() {
        return proposedRow;
    }

    /** Renders {@code content} where {@code EXCLUDED} is the row an upsert proposed. */
    void withProposedRow(Runnable content) {
        proposedRow = true;
        try {
            content.run();
        } finally {
            proposedRow = false;
        }
    }

    /** Notes that the SQL uses a feature of an extension, for a clear error when it is missing. */
    void needsExtension(String extension, String feature) {
        List<String> features = extensions.computeIfAbsent(extension, e -> new ArrayList<>());
        if (!features.contains(feature)) {
            features.add(feature);
        }
    }

    /**
     * Appends a statement rendered on its own (a self-contained subquery: its aliases may repeat
     * this statement's, which it shadows), with its binds and the extensions it needs.
     */
    SqlBuilder include(RenderedSql rendered) {
        sql.append(rendered.sql());
        binds.addAll(rendered.binds());
        for (String extension : rendered.extensions()) {
            extensions.computeIfAbsent(extension, e -> new ArrayList<>());
        }
        if (!rendered.extensions().isEmpty()) {
            // a statement keeps its features flat: which extension each needs is not told apart
            rendered.features().forEach(feature -> needsExtension(rendered.extensions().get(0), feature));
        }
        return this;
    }

    /** The current end of the text and binds, to insert at later. */
    Mark mark() {
        return new Mark(sql.length(), binds.size());
    }

    /**
     * Renders into a separate context and inserts the result at a mark: used for joins, which are
     * only known once the filter and sort that need them have been rendered.
     */
    void insert(Mark mark, Consumer<SqlBuilder> content) {
        SqlBuilder part = new SqlBuilder(arguments, resources, tenant);
        part.aliases = aliases; // one statement: aliases taken in the part stay taken
        part.laterals = laterals;
        content.accept(part);
        aliases = part.aliases;
        laterals = part.laterals;
        sql.insert(mark.textOffset(), part.sql);
        binds.addAll(mark.bindIndex(), part.binds);
        part.extensions.forEach((extension, features) -> features.forEach(f -> needsExtension(extension, f)));
    }

    RenderedSql build() {
        return new RenderedSql(sql.toString(), binds, extensions.keySet().stream().toList(),
                extensions.values().stream().flatMap(List::stream).distinct().toList());
    }

    /** A position in the text and binds. */
    record Mark(int textOffset, int bindIndex) {
    }
}
