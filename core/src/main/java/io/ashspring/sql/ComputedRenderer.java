package io.ashspring.sql;

import java.util.List;
import java.util.Optional;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.query.SortKey;
import io.ashspring.resource.AggregateKind;
import io.ashspring.resource.model.AggregateModel;
import io.ashspring.resource.model.CalculationModel;
import io.ashspring.resource.model.ComputedFields;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Renders references to aggregates and calculations, wherever an attribute could stand (selected
 * columns, filters, sorts). A calculation is its expression rendered in place, in the scope of the
 * row; an aggregate is a correlated scalar subquery over the relationship, for example
 *
 * <pre>
 * COALESCE((SELECT count(*) FROM "public"."comments" t1 WHERE t1."ticket_id" = t0."id"), ?)
 * </pre>
 */
final class ComputedRenderer {

    private ComputedRenderer() {
    }

    /** The computed field an attribute reference names, if any (only the scope's own fields, not through a path). */
    static Optional<ComputedModel> find(Scope scope, Expr.Attr attr) {
        if (!attr.path().isEmpty() || scope.resource().attribute(attr.name()).isPresent()) {
            return Optional.empty();
        }
        return ComputedFields.of(scope.resource()).find(attr.name());
    }

    /** Renders the computed field an attribute reference names; false when it names none. */
    static boolean render(SqlBuilder sql, Scope scope, Expr.Attr attr) {
        Optional<ComputedModel> computed = find(scope, attr);
        if (computed.isEmpty()) {
            return false;
        }
        render(sql, scope, computed.get());
        return true;
    }

    /** The stand-in attribute of a computed field, so that values compared with it are bound as its type. */
    static Scope.Resolved typed(Scope scope, Expr.Attr attr) {
        return find(scope, attr).filter(c -> c.type() != null).map(c -> new Scope.Resolved(c.asAttribute(), scope.alias()))
                .orElse(null);
    }

    static void render(SqlBuilder sql, Scope scope, ComputedModel computed) {
        if (computed instanceof CalculationModel calculation) {
            if (!calculation.inSql()) {
                throw new InvalidQueryException(scope.resource().name(), calculation.name(), "is computed in Java after "
                        + "the records are read, so it cannot be used in a filter or a sort (load it instead)");
            }
            sql.append("(");
            ExpressionRenderer.operand(sql, scope, calculation.expression());
            sql.append(")");
        } else if (computed instanceof AggregateModel aggregate) {
            aggregate(sql, scope, aggregate);
        } else {
            throw new IllegalArgumentException("Unknown computed field " + computed);
        }
    }

    private static void aggregate(SqlBuilder sql, Scope outer, AggregateModel aggregate) {
        ResourceModel from = outer.resource();
        RelationshipModel relationship = Scope.relationship(from, aggregate.relationship(), from.name(), aggregate.name());
        ResourceModel target = sql.resource(relationship.target());
        AggregateKind kind = aggregate.kind();
        boolean coalesce = aggregate.defaultValue() != null && kind != AggregateKind.EXISTS;
        if (coalesce) {
            sql.append("COALESCE(");
        }
        sql.append(kind == AggregateKind.EXISTS ? "EXISTS (SELECT 1" : "(SELECT ");
        String alias = sql.nextAlias();
        Scope inner = new Scope(target, alias);
        String field = aggregate.field() == null ? null : alias + "." + SqlIdentifiers.quote(
                Scope.attribute(target, aggregate.field(), from.name(), aggregate.name()).column());
        String distinct = aggregate.distinct() ? "DISTINCT " : "";
        switch (kind) {
            case COUNT -> sql.append(field == null ? "count(*)" : "count(" + distinct + field + ")");
            case EXISTS -> { }
            case SUM, AVG, MIN, MAX -> sql.append(kind.name().toLowerCase(java.util.Locale.ROOT)).append("(")
                    .append(aggregate.distinct() && (kind == AggregateKind.SUM || kind == AggregateKind.AVG) ? distinct : "")
                    .append(field).append(")");
            case FIRST -> sql.append(field);
            case LIST -> {
                sql.append("array_agg(").append(distinct).append(field);
                if (aggregate.distinct()) {
                    sql.append(" ORDER BY ").append(field); // DISTINCT needs its ORDER BY on the aggregated value
                } else {
                    orderBy(sql, inner, aggregate.sort());
                }
                sql.append(")");
            }
            default -> throw new IllegalArgumentException("Unknown aggregate kind " + kind);
        }
        sql.append(" FROM ");
        if (relationship.kind() == RelationshipKind.MANY_TO_MANY) {
            ResourceModel through = sql.resource(relationship.through());
            String joinAlias = sql.nextAlias();
            sql.append(SqlIdentifiers.qualified(through.schema(), through.table())).append(" ").append(joinAlias)
                    .append(" JOIN ").append(Scope.table(relationship, target)).append(" ").append(alias).append(" ON ")
                    .column(alias, target.requireAttribute(relationship.destinationAttribute()).column()).append(" = ")
                    .column(joinAlias, through.requireAttribute(relationship.destinationAttributeOnJoin()).column());
            SqlBuilder.Mark joins = sql.mark();
            sql.append(" WHERE ").column(joinAlias, through.requireAttribute(relationship.sourceAttributeOnJoin()).column())
                    .append(" = ").column(outer.alias(), from.requireAttribute(relationship.sourceAttribute()).column());
            rest(sql, inner, aggregate);
            sql.insert(joins, inner::renderJoins);
        } else {
            sql.append(Scope.table(relationship, target)).append(" ").append(alias);
            SqlBuilder.Mark joins = sql.mark();
            sql.append(" WHERE ");
            Scope.link(sql, relationship, from, outer.alias(), target, alias);
            rest(sql, inner, aggregate);
            sql.insert(joins, inner::renderJoins);
        }
        sql.append(")");
        if (coalesce) {
            sql.append(", ").bind(aggregate.type(), aggregate.defaultValue()).append(")");
        }
    }

    /** The aggregate's filter, and for {@code FIRST} its order and limit. */
    private static void rest(SqlBuilder sql, Scope inner, AggregateModel aggregate) {
        if (aggregate.filter() != null) {
            sql.append(" AND ");
            ExpressionRenderer.operand(sql, inner, aggregate.filter());
        }
        if (aggregate.kind() == AggregateKind.FIRST) {
            orderBy(sql, inner, aggregate.sort());
            sql.append(" LIMIT 1");
        }
    }

    private static void orderBy(SqlBuilder sql, Scope scope, List<SortKey> keys) {
        if (!keys.isEmpty()) {
            SelectRenderer.orderBy(sql, scope, keys);
        }
    }
}
