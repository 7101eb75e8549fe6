package io.ashspring.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Where expressions are rendered: one resource's row under an alias, plus the {@code LEFT JOIN}s
 * that the to-one relationship paths of its expressions need ({@code representative.name}). Each
 * path is joined once, however often it is used. To-many relationships are never joined (that
 * would multiply rows); they are reached with {@code exists}.
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
    private final Map<List<String>, Join> joins = new LinkedHashMap<>();

    Scope(ResourceModel resource, String alias) {
        this.resource = resource;
        this.alias = alias;
    }

    ResourceModel resource() {
        return resource;
    }

    String alias() {
        return alias;
    }

    /** The attribute an {@code Attr} names and the alias of its row, joining to-one relationships as needed. */
    Resolved resolve(SqlBuilder sql, Expr.Attr attr) {
        ResourceModel current = resource;
        String currentAlias = alias;
        for (int i = 0; i < attr.path().size(); i++) {
            List<String> path = attr.path().subList(0, i + 1);
            Join join = joins.get(path);
            if (join == null) {
                RelationshipModel relationship = relationship(current, attr.path().get(i), resource.name(), attr.reference());
                if (relationship.kind() == RelationshipKind.HAS_MANY || relationship.kind() == RelationshipKind.MANY_TO_MANY) {
                    throw new InvalidQueryException(resource.name(), attr.reference(), relationship.name() + " is a "
                            + relationship.kind().label() + " relationship, so it cannot be followed here: use exists("
                            + String.join(".", path) + ", ...) to filter on its records");
                }
                join = new Join(relationship, current, currentAlias, sql.resource(relationship.target()), sql.nextAlias());
                joins.put(List.copyOf(path), join);
            }
            current = join.target();
            currentAlias = join.alias();
        }
        return new Resolved(attribute(current, attr.name(), resource.name(), attr.reference()), currentAlias);
    }

    /** Appends the joins registered so far: {@code LEFT JOIN "public"."representatives" t1 ON ...}. */
    void renderJoins(SqlBuilder sql) {
        for (Join join : joins.values()) {
            sql.append(" LEFT JOIN ").append(table(join.relationship(), join.target())).append(" ").append(join.alias())
                    .append(" ON ");
            link(sql, join.relationship(), join.from(), join.fromAlias(), join.target(), join.alias());
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

    /** {@code "schema"."table"} of a relationship's target (its own table, or the relationship's for a polymorphic one). */
    static String table(RelationshipModel relationship, ResourceModel target) {
        String table = relationship.table() != null ? relationship.table() : target.table();
        if (table == null) {
            throw new IllegalArgumentException(target.name() + " is polymorphic and " + relationship.name()
                    + " names no table for it");
        }
        return SqlIdentifiers.qualified(target.schema(), table);
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
        Optional<AttributeModel> attribute = resource.attribute(name).or(() -> resource.relationship(name)
                .filter(r -> r.kind() == RelationshipKind.BELONGS_TO)
                .flatMap(r -> resource.attribute(r.sourceAttribute())));
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
