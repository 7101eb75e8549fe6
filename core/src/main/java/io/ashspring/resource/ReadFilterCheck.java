package io.ashspring.resource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Checks what the filters and sorts of read actions name, once every resource is built: each
 * attribute reference is an attribute, a belongs_to relationship or a computed field of the row it
 * is evaluated on (through to-one relationships; {@code exists} walks any relationship and
 * {@code parent(...)} steps back out), and each {@code ^arg(name)} is an argument of the action.
 */
final class ReadFilterCheck {

    private static final String MEMBER = "configure";

    private final Problems problems;
    private final Map<Class<?>, ResourceModel> resources;

    ReadFilterCheck(Problems problems, Map<Class<?>, ResourceModel> resources) {
        this.problems = problems;
        this.resources = resources;
    }

    /** The row an expression is evaluated on, and the row outside the {@code exists} it is in. */
    private record Row(ResourceModel resource, Row parent) {
    }

    void check(ResourceModel resource) {
        for (ActionModel action : resource.actions()) {
            if (action.filter() != null) {
                check(resource, action, action.filter(), new Row(resource, null));
            }
            for (SortKey key : action.sort()) {
                check(resource, action, key.expression(), new Row(resource, null));
            }
        }
    }

    private void check(ResourceModel owner, ActionModel action, Expr expr, Row row) {
        if (expr instanceof Expr.Attr attr) {
            attribute(owner, action, attr, row);
        } else if (expr instanceof Expr.Arg arg) {
            if (action.argument(arg.name()).isEmpty()) {
                report(owner, action, "refers to ^arg(" + arg.name() + "), which is not one of its arguments",
                        "declare it: argument(\"" + arg.name() + "\", Type.class)");
            }
        } else if (expr instanceof Expr.Exists exists) {
            ResourceModel target = walk(owner, action, row.resource(), exists.path(), false, String.join(".", exists.path()));
            if (target != null && exists.condition() != null) {
                check(owner, action, exists.condition(), new Row(target, row));
            }
        } else if (expr instanceof Expr.Excluded excluded) {
            report(owner, action, "uses excluded(" + excluded.attribute() + "), which only an upsert has",
                    "use excluded(...) only in upsert fields and conditions");
        } else if (expr instanceof Expr.Parent parent) {
            if (row.parent() == null) {
                report(owner, action, "uses parent(...) outside exists(...)", "use parent(...) only inside exists(...)");
            } else {
                check(owner, action, parent.expression(), row.parent());
            }
        } else {
            children(expr).forEach(child -> check(owner, action, child, row));
        }
    }

    private void attribute(ResourceModel owner, ActionModel action, Expr.Attr attr, Row row) {
        ResourceModel target = walk(owner, action, row.resource(), attr.path(), true, attr.reference());
        if (target == null) {
            return;
        }
        String name = attr.name();
        boolean known = target.attribute(name).isPresent()
                || target.relationship(name).filter(x -> x.kind() == RelationshipKind.BELONGS_TO).isPresent()
                || target.computed(name).isPresent();
        if (!known) {
            report(owner, action, "names '" + attr.reference() + "', which is not a field of " + target.name(),
                    "use one of: " + target.attributes().stream().map(a -> a.name()).collect(Collectors.joining(", ")));
        }
    }

    /** The resource at the end of a relationship path, or {@code null} (reported) when a step is not one. */
    private ResourceModel walk(ResourceModel owner, ActionModel action, ResourceModel from, List<String> path,
                               boolean toOneOnly, String reference) {
        ResourceModel current = from;
        for (String step : path) {
            RelationshipModel relationship = current.relationship(step).orElse(null);
            if (relationship == null) {
                report(owner, action, "names '" + reference + "', but '" + step + "' is not a relationship of " + current.name(),
                        "use one of: " + current.relationships().stream().map(RelationshipModel::name)
                                .collect(Collectors.joining(", ")));
                return null;
            }
            boolean toMany = relationship.kind() == RelationshipKind.HAS_MANY || relationship.kind() == RelationshipKind.MANY_TO_MANY;
            if (toOneOnly && toMany) {
                report(owner, action, "names '" + reference + "' through the " + relationship.kind().label()
                        + " relationship " + step, "use exists(" + step + ", ...) or an aggregate");
                return null;
            }
            current = resources.get(relationship.target());
            if (current == null) {
                return null; // an unregistered target is reported with the relationship
            }
        }
        return current;
    }

    private void report(ResourceModel owner, ActionModel action, String problem, String fix) {
        problems.add(owner.type().getSimpleName(), MEMBER, "read action '" + action.name() + "' " + problem, fix);
    }

    /** The operands of a node that is evaluated on the same row; an unknown node fails loudly. */
    private static List<Expr> children(Expr expr) {
        if (expr instanceof Expr.Value) {
            return List.of();
        } else if (expr instanceof Expr.Compare c) {
            return List.of(c.left(), c.right());
        } else if (expr instanceof Expr.In in) {
            return List.of(in.operand(), in.values());
        } else if (expr instanceof Expr.IsNil isNil) {
            return List.of(isNil.operand());
        } else if (expr instanceof Expr.And and) {
            return and.operands();
        } else if (expr instanceof Expr.Or or) {
            return or.operands();
        } else if (expr instanceof Expr.Not not) {
            return List.of(not.operand());
        } else if (expr instanceof Expr.Arithmetic a) {
            return List.of(a.left(), a.right());
        } else if (expr instanceof Expr.Concat concat) {
            return concat.parts();
        } else if (expr instanceof Expr.Case caseExpr) {
            List<Expr> parts = new java.util.ArrayList<>();
            caseExpr.branches().forEach(b -> {
                parts.add(b.condition());
                parts.add(b.value());
            });
            if (caseExpr.otherwise() != null) {
                parts.add(caseExpr.otherwise());
            }
            return parts;
        } else if (expr instanceof Expr.Call call) {
            return call.arguments();
        } else if (expr instanceof Expr.Interval interval) {
            return List.of(interval.amount());
        } else if (expr instanceof Expr.Cast cast) {
            return List.of(cast.operand());
        } else if (expr instanceof Expr.JsonPath json) {
            return List.of(json.operand());
        } else if (expr instanceof Expr.TextSearch search) {
            return List.of(search.document(), search.query());
        } else if (expr instanceof Expr.TextRank rank) {
            return List.of(rank.document(), rank.query());
        } else if (expr instanceof Expr.Fragment fragment) {
            return fragment.arguments();
        }
        throw new IllegalStateException("a read filter check does not know the expression node " + expr.getClass().getName());
    }
}
