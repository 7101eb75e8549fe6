package io.ashspring.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.resource.model.AggregateModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Where expressions are rendered: one resource's row under an alias, plus what its {@code FROM}
 * gains from the expressions rendered in it: the {@code LEFT JOIN}s that to-one relationship paths
 * need ({@code representative.name}), each joined once however often it is used, and the
 * {@code LEFT JOIN LATERAL} subqueries that compute aggregates, one per relationship of a row,
 * shared by all the aggregates over it. To-many relationships are never joined row by row (that
 * would multiply rows); they are reached with {@code exists} and aggregates.
 *
 * <p>A scope for a row reached through to-one joins ({@link #at}) is a view of the scope that owns
 * the {@code FROM}: its joins and laterals go there. A scope inside {@code exists} or an aggregate
 * knows the row outside it, which {@code parent(...)} refers to.
 */
final class Scope {

    /** An attribute reached from this scope, and the alias of the row that holds it. */
    record Resolved(AttributeModel attribute, String alias) {
    }

    /** One joined to-one relationship. */
    private record Join(RelationshipModel relationship, ResourceModel from, String fromAlias, ResourceModel target,
                        String alias) {
    }

    private final ResourceModel resource;
    private final String alias;
    private final Scope owner;
    private final List<String> prefix;
    private final Scope parent;
    private final Map<List<String>, Join> joins;
    private final Map<LateralKey, Lateral> laterals;
    private boolean renderingLaterals;

    /** The scope of a statement's (or a subquery's) own row, with no row outside it. */
    Scope(ResourceModel resource, String alias) {
        this(resource, alias, null);
    }

    /**
     * The scope of a subquery's own row.
     *
     * @param parent the row outside the subquery that {@code parent(...)} refers to, or {@code null}
     */
    Scope(ResourceModel resource, String alias, Scope parent) {
        this.resource = resource;
        this.alias = alias;
        this.owner = this;
        this.prefix = List.of();
        this.parent = parent;
        this.joins = new LinkedHashMap<>();
        this.laterals = new LinkedHashMap<>();
    }

    private Scope(Scope owner, List<String> prefix, ResourceModel resource, String alias) {
        this.resource = resource;
        this.alias = alias;
        this.owner = owner;
        this.prefix = List.copyOf(prefix);
        this.parent = owner.parent;
        this.joins = owner.joins;
        this.laterals = owner.laterals;
    }

    ResourceModel resource() {
        return resource;
    }

    String alias() {
        return alias;
    }

    /**
     * For a row reached through to-one joins, its first key column ({@code t1."id"}), which is null
     * exactly when there is no such row; {@code null} for the scope's own row, which always exists.
     */
    String presence() {
        return prefix.isEmpty() ? null : alias + "." + SqlIdentifiers.quote(resource.primaryKey().get(0).column());
    }

    /** Whether expressions rendered in this scope so far need joins or lateral subqueries in its {@code FROM}. */
    boolean needsJoins() {
        return !joins.isEmpty() || !laterals.isEmpty();
    }

    /** The row outside the subquery this scope renders ({@code exists}, an aggregate), or {@code null}. */
    Scope parent() {
        return parent;
    }

    /** The attribute an {@code Attr} names and the alias of its row, joining to-one relationships as needed. */
    Resolved resolve(SqlBuilder sql, Expr.Attr attr) {
        Scope row = at(sql, attr.path(), attr.reference());
        return new Resolved(attribute(row.resource, attr.name(), owner.resource.name(), reference(attr.reference())),
                row.alias);
    }

    /**
     * The row at the end of a to-one relationship path from this one, joined as needed (the scope
     * itself for an empty path).
     *
     * @param reference the field as the query wrote it, for errors
     */
    Scope at(SqlBuilder sql, List<String> path, String reference) {
        if (path.isEmpty()) {
            return this;
        }
        ResourceModel current = resource;
        String currentAlias = alias;
        List<String> full = new ArrayList<>(prefix);
        for (String step : path) {
            full.add(step);
            Join join = joins.get(full);
            if (join == null) {
                RelationshipModel relationship = relationship(current, step, owner.resource.name(), reference(reference));
                if (relationship.kind() == RelationshipKind.HAS_MANY || relationship.kind() == RelationshipKind.MANY_TO_MANY) {
                    throw new InvalidQueryException(owner.resource.name(), reference(reference), relationship.name() + " is a "
                            + relationship.kind().label() + " relationship, so it cannot be followed here: use exists("
                            + String.join(".", full) + ", ...) to filter on its records, or an aggregate over it");
                }
                join = new Join(relationship, current, currentAlias, sql.resource(relationship.target()), sql.nextAlias());
                joins.put(List.copyOf(full), join);
            }
            current = join.target();
            currentAlias = join.alias();
        }
        return new Scope(owner, full, current, currentAlias);
    }

    /** A reference as written from the scope that owns the {@code FROM}. */
    private String reference(String reference) {
        return prefix.isEmpty() ? reference : String.join(".", prefix) + "." + reference;
    }

    /**
     * The column of a lateral subquery that computes an aggregate over one of this row's
     * relationships: {@code a1."commentCount"}. Aggregates over the same relationship of the same
     * row share one subquery. {@code null} while the laterals are being rendered (an aggregate
     * first met then, in the filter of another, is rendered as a correlated subquery instead).
     */
    String lateral(SqlBuilder sql, RelationshipModel relationship, AggregateModel aggregate) {
        if (owner.renderingLaterals) {
            return null;
        }
        Lateral lateral = laterals.computeIfAbsent(new LateralKey(prefix, relationship.name()),
                k -> new Lateral(this, relationship, sql.nextLateralAlias(), new ArrayList<>()));
        if (!lateral.aggregates().contains(aggregate)) {
            lateral.aggregates().add(aggregate);
        }
        return lateral.alias() + "." + SqlIdentifiers.quote(aggregate.name());
    }

    /** Which row (the to-one path to it) and which of its relationships a lateral aggregates over. */
    private record LateralKey(List<String> row, String relationship) {
    }

    /** One shared lateral subquery: the aggregates over one relationship of one row. */
    record Lateral(Scope row, RelationshipModel relationship, String alias,
                   List<AggregateModel> aggregates) {
    }

    /**
     * Appends the joins and laterals registered so far: {@code LEFT JOIN "public"."representatives"
     * t1 ON ...}, then {@code LEFT JOIN LATERAL (SELECT ...) a1 ON TRUE}. The laterals are rendered
     * first (their filters may need more joins) and placed after the joins they may refer to.
     */
    void renderJoins(SqlBuilder sql) {
        SqlBuilder.Mark start = sql.mark();
        renderingLaterals = true;
        for (Lateral lateral : laterals.values()) {
            sql.append(" LEFT JOIN LATERAL (");
            ComputedRenderer.lateral(sql, lateral);
            // a row reached through a LEFT JOIN may be missing: then so are its aggregates (null, not 0)
            String presence = lateral.row().presence();
            sql.append(") ").append(lateral.alias()).append(" ON ").append(presence == null ? "TRUE" : presence + " IS NOT NULL");
        }
        sql.insert(start, this::renderToOneJoins);
    }

    private void renderToOneJoins(SqlBuilder sql) {
        for (Join join : joins.values()) {
            sql.append(" LEFT JOIN ");
            table(sql, join.relationship(), join.target()).append(" ").append(join.alias()).append(" ON ");
            link(sql, join.relationship(), join.from(), join.fromAlias(), join.target(), join.alias());
            sql.tenantCondition(" AND ", join.target(), join.alias());
        }
    }

    /**
     * {@code target.destination = source.source}: how a row of a relationship's target (or of its
     * join resource, for many_to_many) belongs to a row of its source.
     */
    static void link(SqlBuilder sql, RelationshipModel relationship, ResourceModel from, String fromAlias,
                     ResourceModel target, String targetAlias) {
        sql.column(targetAlias, target.requireAttribute(relationship.destinationAttribute()).column()).append(" = ")
                .column(fromAlias, from.requireAttribute(relationship.sourceAttribute()).column());
    }

    /**
     * Appends {@code "schema"."table"} of a relationship's target (its own table, or the relationship's
     * for a polymorphic one), in the call's tenant schema for a schema-strategy target.
     */
    static SqlBuilder table(SqlBuilder sql, RelationshipModel relationship, ResourceModel target) {
        String table = relationship.table() != null ? relationship.table() : target.table();
        if (table == null) {
            throw new IllegalArgumentException(target.name() + " is polymorphic and " + relationship.name()
                    + " names no table for it");
        }
        return sql.table(target, table);
    }

    /**
     * A relationship of {@code resource}; errors name the field as the query wrote it.
     *
     * @param queried the name of the resource the query reads, for errors
     * @param reference the field as the query wrote it, for errors
     */
    static RelationshipModel relationship(ResourceModel resource, String name, String queried, String reference) {
        return resource.relationship(name).orElseThrow(() -> new InvalidQueryException(queried, reference,
                "'" + name + "' is not a relationship of " + resource.name() + " (relationships: "
                        + (resource.relationships().isEmpty() ? "none" : resource.relationships().stream()
                        .map(RelationshipModel::name).collect(Collectors.joining(", "))) + ")"));
    }

    /** An attribute by name, or a belongs_to relationship's key by the relationship's name. */
    static AttributeModel attribute(ResourceModel resource, String name, String queried, String reference) {
        Optional<AttributeModel> attribute = resource.attributeOrKey(name);
        if (attribute.isPresent()) {
            return attribute.get();
        }
        Optional<RelationshipModel> relationship = resource.relationship(name);
        if (relationship.isPresent()) {
            throw new InvalidQueryException(queried, reference, name + " is a " + relationship.get().kind().label()
                    + " relationship, not an attribute: use exists(" + name + ", ...) or one of its attributes ("
                    + name + ".<attribute>)");
        }
        List<String> names = new ArrayList<>();
        resource.attributes().forEach(a -> names.add(a.name()));
        throw new InvalidQueryException(queried, reference, "is not an attribute of " + resource.name()
                + " (attributes: " + String.join(", ", names) + ")");
    }
}
