package io.ashspring.sql;

import java.util.List;

import io.ashspring.expr.Expr;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Renders {@code exists(path, condition)} as correlated {@code EXISTS} subqueries, one per
 * relationship of the path, so a to-many relationship never multiplies the outer rows:
 *
 * <pre>
 * EXISTS (SELECT 1 FROM "public"."comments" t1 WHERE t1."ticket_id" = t0."id" AND t1."body" ILIKE ?)
 * </pre>
 *
 * A many_to_many relationship joins its join resource to its target inside the subquery. The
 * condition is rendered in the scope of the last resource of the path, with its own to-one joins;
 * {@code parent(x)} in it is {@code x} of the row the {@code exists} starts from.
 */
final class ExistsRenderer {

    private ExistsRenderer() {
    }

    static void render(SqlBuilder sql, Scope scope, Expr.Exists exists) {
        hop(sql, scope, exists.path(), 0, exists.condition(), scope);
    }

    /** @param parent the row outside the whole {@code exists}, which {@code parent(...)} refers to */
    private static void hop(SqlBuilder sql, Scope outer, List<String> path, int index, Expr condition, Scope parent) {
        ResourceModel from = outer.resource();
        RelationshipModel relationship = Scope.relationship(from, path.get(index), from.name(),
                String.join(".", path.subList(0, index + 1)));
        RelatedRows rows = RelatedRows.of(sql, outer, relationship, parent);
        sql.append("EXISTS (SELECT 1");
        rows.from(sql, () -> {
            if (index + 1 < path.size()) {
                sql.append(" AND ");
                hop(sql, rows.inner(), path, index + 1, condition, parent);
            } else if (condition != null) {
                sql.append(" AND ");
                ExpressionRenderer.render(sql, rows.inner(), condition);
            }
        });
        sql.append(")");
    }
}
