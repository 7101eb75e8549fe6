package io.ashspring.sql;

import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * The rows of a relationship's target that belong to one outer row, as the {@code FROM} and
 * {@code WHERE} of a subquery ({@code exists}, aggregates):
 *
 * <pre>
 * FROM "public"."comments" t1 WHERE t1."ticket_id" = t0."id"
 * FROM "public"."post_tags" t1 JOIN "public"."tags" t2 ON t2."id" = t1."tag_id" WHERE t1."post_id" = t0."id"
 * </pre>
 *
 * A many_to_many relationship joins its join resource to its target. The subquery's own to-one
 * joins (and lateral aggregates) go right after these {@code FROM} items. The related rows are the
 * call's tenant's: in its schema, or narrowed by the tenant attribute ({@code AND t1."org" = ?}).
 */
final class RelatedRows {

    private final Scope outer;
    private final RelationshipModel relationship;
    private final ResourceModel target;
    private final String joinAlias;
    private final Scope inner;

    private RelatedRows(Scope outer, RelationshipModel relationship, ResourceModel target, String joinAlias, Scope inner) {
        this.outer = outer;
        this.relationship = relationship;
        this.target = target;
        this.joinAlias = joinAlias;
        this.inner = inner;
    }

    /**
     * The rows related to {@code outer} through one of its relationships, with fresh aliases.
     *
     * @param parent the row that {@code parent(...)} refers to inside the subquery
     */
    static RelatedRows of(SqlBuilder sql, Scope outer, RelationshipModel relationship, Scope parent) {
        ResourceModel target = sql.resource(relationship.target());
        String joinAlias = relationship.kind() == RelationshipKind.MANY_TO_MANY ? sql.nextAlias() : null;
        return new RelatedRows(outer, relationship, target, joinAlias, new Scope(target, sql.nextAlias(), parent));
    }

    /** The scope of the related rows, in which the subquery's conditions and values are rendered. */
    Scope inner() {
        return inner;
    }

    /**
     * Appends {@code FROM} items and {@code WHERE} with the link to the outer row, then what
     * {@code conditions} appends (each {@code AND ...}), then puts the inner scope's joins after
     * the {@code FROM} items.
     */
    void from(SqlBuilder sql, Runnable conditions) {
        sql.append(" FROM ");
        String alias = inner.alias();
        ResourceModel from = outer.resource();
        ResourceModel through = joinAlias == null ? null : sql.resource(relationship.through());
        if (through != null) {
            sql.table(through, through.table()).append(" ").append(joinAlias).append(" JOIN ");
            Scope.table(sql, relationship, target).append(" ").append(alias).append(" ON ")
                    .column(alias, target.requireAttribute(relationship.destinationAttribute()).column()).append(" = ")
                    .column(joinAlias, through.requireAttribute(relationship.destinationAttributeOnJoin()).column());
        } else {
            Scope.table(sql, relationship, target).append(" ").append(alias);
        }
        SqlBuilder.Mark joins = sql.mark();
        sql.append(" WHERE ");
        if (through != null) {
            sql.column(joinAlias, through.requireAttribute(relationship.sourceAttributeOnJoin()).column()).append(" = ")
                    .column(outer.alias(), from.requireAttribute(relationship.sourceAttribute()).column());
        } else {
            Scope.link(sql, relationship, from, outer.alias(), target, alias);
        }
        sql.tenantCondition(" AND ", target, alias);
        if (through != null) {
            sql.tenantCondition(" AND ", through, joinAlias);
        }
        conditions.run();
        sql.insert(joins, inner::renderJoins);
    }
}
