package io.ashspring.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.AggregateKind;
import io.ashspring.resource.model.AggregateModel;
import io.ashspring.resource.model.CalculationModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Renders references to aggregates and calculations, wherever an attribute could stand (selected
 * columns, filters, sorts), of the scope's own row or of a row reached through to-one
 * relationships ({@code representative.ticketCount}). A calculation is its expression rendered in
 * place, in the scope of its row. Aggregates over one relationship of a row share one lateral
 * subquery, each a column of it (per-aggregate filters become {@code FILTER (WHERE ...)}):
 *
 * <pre>
 * LEFT JOIN LATERAL (SELECT COALESCE(count(*), ?) AS "commentCount", sum(t1."votes") FILTER (WHERE t1."votes" > ?)
 *   AS "upvotes" FROM "public"."comments" t1 WHERE t1."ticket_id" = t0."id") a1 ON TRUE
 * ... a1."commentCount" ...
 * </pre>
 *
 * The lateral of a row reached through a to-one join is joined {@code ON t1."id" IS NOT NULL}: when
 * there is no such row, its aggregates are null (not their defaults).
 *
 * An {@code EXISTS} aggregate stays a correlated {@code EXISTS} (it can stop at the first row, and
 * PostgreSQL plans it as a semi-join), and so does {@code FIRST} of an array field (whose values
 * {@code array_agg} cannot pick from).
 *
 * <p>The selected aggregates of a limited read are correlated subqueries too: PostgreSQL computes
 * a lateral for every row before the sort and limit, but postpones an expensive select-list
 * expression until after them, so a page of 10 out of 10,000 rows counts 10 times, not 10,000. An
 * aggregate the filter or sort also uses keeps its lateral there (it is needed for every row).
 */
final class ComputedRenderer {

    private ComputedRenderer() {
    }

    /**
     * The computed field an attribute reference names, if any: of the scope's row, or of the row
     * at the end of the reference's to-one path (joined as needed).
     */
    static Optional<ComputedModel> find(SqlBuilder sql, Scope scope, Expr.Attr attr) {
        ResourceModel resource = attr.path().isEmpty() ? scope.resource()
                : scope.at(sql, attr.path(), attr.reference()).resource();
        if (resource.attribute(attr.name()).isPresent()) {
            return Optional.empty();
        }
        return resource.computed(attr.name());
    }

    /** Renders the computed field an attribute reference names; false when it names none. */
    static boolean render(SqlBuilder sql, Scope scope, Expr.Attr attr) {
        Optional<ComputedModel> computed = find(sql, scope, attr);
        if (computed.isEmpty()) {
            return false;
        }
        render(sql, scope.at(sql, attr.path(), attr.reference()), computed.get());
        return true;
    }

    /** The stand-in attribute of a computed field, so that values compared with it are bound as its type. */
    static Scope.Resolved typed(SqlBuilder sql, Scope scope, Expr.Attr attr) {
        return find(sql, scope, attr).filter(c -> c.type() != null).map(c -> new Scope.Resolved(c.asAttribute(),
                scope.at(sql, attr.path(), attr.reference()).alias())).orElse(null);
    }

    /** Renders a computed field of the scope's row. */
    static void render(SqlBuilder sql, Scope row, ComputedModel computed) {
        if (computed instanceof CalculationModel calculation) {
            if (!calculation.inSql()) {
                throw new InvalidQueryException(row.resource().name(), calculation.name(), "is computed in Java after "
                        + "the records are read, so it cannot be used in a filter or a sort (load it instead)");
            }
            sql.append("(");
            ExpressionRenderer.operand(sql, row, calculation.expression());
            sql.append(")");
        } else if (computed instanceof AggregateModel aggregate) {
            aggregate(sql, row, aggregate);
        } else {
            throw new IllegalArgumentException("Unknown computed field " + computed);
        }
    }

    private static void aggregate(SqlBuilder sql, Scope row, AggregateModel aggregate) {
        ResourceModel from = row.resource();
        RelationshipModel relationship = Scope.relationship(from, aggregate.relationship(), from.name(), aggregate.name());
        String column = shared(sql, aggregate, relationship) ? row.lateral(sql, relationship, aggregate) : null;
        if (column != null) {
            sql.append(column); // the lateral applies the default
            return;
        }
        String presence = row.presence();
        if (presence != null) {
            sql.append("CASE WHEN ").append(presence).append(" IS NULL THEN NULL ELSE ");
        }
        withDefault(sql, aggregate, () -> correlated(sql, row, relationship, aggregate));
        if (presence != null) {
            sql.append(" END");
        }
    }

    /** {@code COALESCE(value, ?)} with the aggregate's default, if it has one ({@code EXISTS} is never null). */
    private static void withDefault(SqlBuilder sql, AggregateModel aggregate, Runnable value) {
        boolean coalesce = aggregate.defaultValue() != null && aggregate.kind() != AggregateKind.EXISTS;
        if (coalesce) {
            sql.append("COALESCE(");
        }
        value.run();
        if (coalesce) {
            sql.append(", ").bind(aggregate.type(), aggregate.defaultValue()).append(")");
        }
    }

    /** Whether an aggregate is computed in its relationship's shared lateral subquery. */
    private static boolean shared(SqlBuilder sql, AggregateModel aggregate, RelationshipModel relationship) {
        if (aggregate.kind() == AggregateKind.EXISTS || sql.correlatedAggregates()) {
            return false;
        }
        if (aggregate.kind() == AggregateKind.FIRST) {
            ResourceModel target = sql.resource(relationship.target());
            return target.attribute(aggregate.field()).map(a -> !a.type().isList()).orElse(true);
        }
        return true;
    }

    /**
     * The body of a shared lateral subquery: {@code SELECT <aggregate> AS "name", ... FROM ... WHERE
     * <link>}.
     */
    static void lateral(SqlBuilder sql, Scope.Lateral lateral) {
        RelatedRows rows = RelatedRows.of(sql, lateral.row(), lateral.relationship(), lateral.row());
        sql.append("SELECT ");
        List<AggregateModel> aggregates = lateral.aggregates();
        for (int i = 0; i < aggregates.size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            AggregateModel aggregate = aggregates.get(i);
            withDefault(sql, aggregate, () -> value(sql, lateral.row(), rows.inner(), aggregate));
            sql.append(" AS ").identifier(aggregate.name());
        }
        rows.from(sql, () -> { });
    }

    /** One aggregate over the rows of {@code inner}, with its filter as {@code FILTER (WHERE ...)}. */
    private static void value(SqlBuilder sql, Scope row, Scope inner, AggregateModel aggregate) {
        AggregateKind kind = aggregate.kind();
        String field = field(row, inner, aggregate);
        String distinct = aggregate.distinct() ? "DISTINCT " : "";
        switch (kind) {
            case COUNT -> sql.append(field == null ? "count(*)" : "count(" + distinct + field + ")");
            case SUM, AVG, MIN, MAX -> sql.append(kind.name().toLowerCase(Locale.ROOT)).append("(")
                    .append(kind == AggregateKind.SUM || kind == AggregateKind.AVG ? distinct : "").append(field).append(")");
            case FIRST -> {
                sql.append("(array_agg(").append(field);
                orderBy(sql, inner, aggregate.sort());
                sql.append(")");
            }
            case LIST -> list(sql, inner, aggregate, field);
            default -> throw new IllegalArgumentException("Unknown shared aggregate kind " + kind);
        }
        if (aggregate.filter() != null) {
            sql.append(" FILTER (WHERE ");
            ExpressionRenderer.render(sql, inner, aggregate.filter());
            sql.append(")");
        }
        if (kind == AggregateKind.FIRST) {
            sql.append(")[1]");
        }
    }

    /** An aggregate as a correlated scalar subquery of its own ({@code EXISTS (SELECT 1 ...)} for exists). */
    private static void correlated(SqlBuilder sql, Scope row, RelationshipModel relationship, AggregateModel aggregate) {
        RelatedRows rows = RelatedRows.of(sql, row, relationship, row);
        Scope inner = rows.inner();
        AggregateKind kind = aggregate.kind();
        String field = field(row, inner, aggregate);
        sql.append(kind == AggregateKind.EXISTS ? "EXISTS (SELECT 1" : "(SELECT ");
        switch (kind) {
            case EXISTS -> { }
            case FIRST -> sql.append(field);
            default -> value(sql, row, inner, aggregate); // met while rendering a lateral: a subquery of its own
        }
        rows.from(sql, () -> {
            if (aggregate.filter() != null && (kind == AggregateKind.EXISTS || kind == AggregateKind.FIRST)) {
                sql.append(" AND ");
                ExpressionRenderer.operand(sql, inner, aggregate.filter());
            }
            if (kind == AggregateKind.FIRST) {
                orderBy(sql, inner, aggregate.sort());
                sql.append(" LIMIT 1");
            }
        });
        sql.append(")");
    }

    private static void list(SqlBuilder sql, Scope inner, AggregateModel aggregate, String field) {
        sql.append("array_agg(").append(aggregate.distinct() ? "DISTINCT " : "").append(field);
        if (aggregate.distinct()) {
            sql.append(" ORDER BY ").append(field); // DISTINCT needs its ORDER BY on the aggregated value
        } else {
            orderBy(sql, inner, aggregate.sort());
        }
        sql.append(")");
    }

    /** {@code t1."votes"}: the aggregated field of the related rows, or {@code null} (count, exists). */
    private static String field(Scope row, Scope inner, AggregateModel aggregate) {
        return aggregate.field() == null ? null : inner.alias() + "." + SqlIdentifiers.quote(Scope.attribute(
                inner.resource(), aggregate.field(), row.resource().name(), aggregate.name()).column());
    }

    private static void orderBy(SqlBuilder sql, Scope scope, List<SortKey> keys) {
        if (!keys.isEmpty()) {
            SelectRenderer.orderBy(sql, scope, keys);
        }
    }
}
