package io.ashspring.sql;

import java.util.List;

import io.ashspring.expr.Expr;
import io.ashspring.resource.model.RelationshipKind;
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
 * condition is rendered in the scope of the last resource of the path, with its own to-one joins.
 */
final class ExistsRenderer {

    private ExistsRenderer() {
    }

    static void render(SqlBuilder sql, Scope scope, Expr.Exists exists) {
        hop(sql, scope, exists.path(), 0, exists.condition());
    }

    private static void hop(SqlBuilder sql, Scope outer, List<String> path, int index, Expr condition) {
        ResourceModel from = outer.resource();
        RelationshipModel relationship = Scope.relationship(from, path.get(index), from.name(),
                String.join(".", path.subList(0, index + 1)));
        ResourceModel target = sql.resource(relationship.target());
        sql.append("EXISTS (SELECT 1 FROM ");
        String alias;
        if (relationship.kind() == RelationshipKind.MANY_TO_MANY) {
            ResourceModel through = sql.resource(relationship.through());
            String joinAlias = sql.nextAlias();
            alias = sql.nextAlias();
            sql.append(SqlIdentifiers.qualified(through.schema(), through.table())).append(" ").append(joinAlias)
                    .append(" JOIN ").append(Scope.table(relationship, target)).append(" ").append(alias).append(" ON ")
                    .column(alias, target.requireAttribute(relationship.destinationAttribute()).column()).append(" = ")
                    .column(joinAlias, through.requireAttribute(relationship.destinationAttributeOnJoin()).column());
            Scope inner = new Scope(target, alias);
            SqlBuilder.Mark joins = sql.mark();
            sql.append(" WHERE ").column(joinAlias, through.requireAttribute(relationship.sourceAttributeOnJoin()).column())
                    .append(" = ").column(outer.alias(), from.requireAttribute(relationship.sourceAttribute()).column());
            rest(sql, inner, path, index, condition);
            sql.insert(joins, inner::renderJoins);
        } else {
            alias = sql.nextAlias();
            sql.append(Scope.table(relationship, target)).append(" ").append(alias);
            Scope inner = new Scope(target, alias);
            SqlBuilder.Mark joins = sql.mark();
            sql.append(" WHERE ");
            Scope.link(sql, relationship, from, outer.alias(), target, alias);
            rest(sql, inner, path, index, condition);
            sql.insert(joins, inner::renderJoins);
        }
    }

    /** The next relationship of the path, or the condition at its end; then closes the subquery. */
    private static void rest(SqlBuilder sql, Scope inner, List<String> path, int index, Expr condition) {
        if (index + 1 < path.size()) {
            sql.append(" AND ");
            hop(sql, inner, path, index + 1, condition);
        } else if (condition != null) {
            sql.append(" AND ");
            ExpressionRenderer.render(sql, inner, condition);
        }
        sql.append(")");
    }
}
