package io.ashspring.resource;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.model.AggregateModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.CalculationModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.type.AttributeType;

/**
 * Checks what the aggregates and calculations of every resource refer to, once all resources are built, so
 * that a mistake is reported when the registry is built instead of by the first query that loads it: an
 * aggregate's relationship and field, whether its kind takes that field and fits its component's type, and
 * every name in an aggregate's filter and sort and in a calculation's expression (to-one relationship paths,
 * attributes, belongs_to relationships, aggregates and calculations; {@code exists} paths; {@code parent(...)}
 * only where there is a row outside).
 */
final class ComputedChecker {

    private final Problems problems;
    private final List<ResourceModel> models;
    private final Map<Class<?>, ResourceModel> byType = new HashMap<>();

    ComputedChecker(Problems problems, List<ResourceModel> models) {
        this.problems = problems;
        this.models = models;
        models.forEach(m -> byType.put(m.type(), m));
    }

    void check() {
        for (ResourceModel model : models) {
            for (ComputedModel computed : model.computed()) {
                if (computed instanceof AggregateModel aggregate) {
                    aggregate(model, aggregate);
                } else if (computed instanceof CalculationModel calculation && calculation.inSql()) {
                    new References(model, calculation.name(), "expression").check(calculation.expression(), List.of(model));
                }
            }
        }
    }

    private void aggregate(ResourceModel model, AggregateModel aggregate) {
        String r = model.type().getSimpleName();
        componentType(r, aggregate);
        RelationshipModel relationship = model.relationship(aggregate.relationship()).orElse(null);
        if (relationship == null) {
            problems.add(r, aggregate.name(), "aggregates over '" + aggregate.relationship() + "', which is not a relationship of "
                    + model.name(), "name one of its relationships: " + list(model.relationships().stream().map(RelationshipModel::name)));
            return;
        }
        ResourceModel target = byType.get(relationship.target());
        if (target == null) {
            return; // reported with the relationship
        }
        if (aggregate.field() != null) {
            AttributeModel field = target.attributeOrKey(aggregate.field()).orElse(null);
            if (field == null) {
                problems.add(r, aggregate.name(), "aggregates the field '" + aggregate.field() + "', which is not an attribute of "
                        + target.name(), "name one of its attributes in field: " + list(target.attributes().stream()
                        .map(AttributeModel::name)));
            } else {
                fieldType(r, aggregate, target, field);
            }
        }
        References names = new References(model, aggregate.name(), "filter");
        if (aggregate.filter() != null) {
            names.check(aggregate.filter(), List.of(model, target));
        }
        References sortNames = new References(model, aggregate.name(), "sort");
        for (SortKey key : aggregate.sort()) {
            sortNames.check(key.expression(), List.of(model, target));
        }
    }

    /** Whether the aggregate's kind takes its field: sum and average need numbers, min and max an ordered type. */
    private void fieldType(String r, AggregateModel aggregate, ResourceModel target, AttributeModel field) {
        AttributeType type = field.type();
        String of = "is a " + aggregate.kind() + " aggregate of " + target.name() + "." + field.name() + ", a "
                + type.javaType().getSimpleName();
        switch (aggregate.kind()) {
            case SUM, AVG -> {
                if (!type.isNumeric()) {
                    problems.add(r, aggregate.name(), of + ": " + aggregate.kind() + " takes numbers",
                            "aggregate a numeric attribute, or use COUNT, FIRST or LIST");
                }
            }
            case MIN, MAX -> {
                boolean ordered = type.isNumeric() || type.isText() || type.isList() || type.javaType().isEnum()
                        || Temporal.class.isAssignableFrom(type.javaType());
                if (!ordered) {
                    problems.add(r, aggregate.name(), of + ": PostgreSQL's min and max take numbers, text, dates and times, "
                            + "and enums", "aggregate such an attribute, or use FIRST with a sort");
                }
            }
            default -> { }
        }
    }

    /** Whether the component can hold what the aggregate's kind computes. */
    private void componentType(String r, AggregateModel aggregate) {
        AttributeType type = aggregate.type();
        String declared = "is a " + aggregate.kind() + " aggregate but its type is " + type.javaType().getSimpleName();
        switch (aggregate.kind()) {
            case COUNT, SUM, AVG -> {
                if (!type.isNumeric()) {
                    problems.add(r, aggregate.name(), declared, "declare it as a number: " + (aggregate.kind() == AggregateKind.COUNT
                            ? "Long" : "Long, BigDecimal or Double"));
                }
            }
            case EXISTS -> {
                if (type.javaType() != Boolean.class) {
                    problems.add(r, aggregate.name(), declared, "declare it as Boolean");
                }
            }
            case LIST -> {
                if (!type.isList()) {
                    problems.add(r, aggregate.name(), declared, "declare it as a List of the field's type");
                }
            }
            default -> { }
        }
    }

    private static String list(Stream<String> names) {
        String joined = names.collect(Collectors.joining(", "));
        return joined.isEmpty() ? "(none)" : joined;
    }

    /** The names one expression of a computed field uses, checked against the resources they are evaluated on. */
    private final class References {

        private final String resource;
        private final String member;
        private final String what;

        References(ResourceModel owner, String member, String what) {
            this.resource = owner.type().getSimpleName();
            this.member = member;
            this.what = what;
        }

        /**
         * Checks an expression evaluated on the last of {@code rows}; the ones before it are the rows outside
         * ({@code parent(...)} refers to the one just before).
         */
        void check(Expr expr, List<ResourceModel> rows) {
            ResourceModel here = rows.get(rows.size() - 1);
            if (expr instanceof Expr.Attr attr) {
                ResourceModel end = follow(attr.path(), here, false);
                if (end != null && end.attributeOrKey(attr.name()).isEmpty() && end.computed(attr.name()).isEmpty()) {
                    problem("its " + what + " names '" + attr.reference() + "', but " + end.name() + " has no attribute, "
                            + "belongs_to relationship, aggregate or calculation '" + attr.name() + "'", "use one of: "
                            + list(Stream.concat(end.attributes().stream().map(AttributeModel::name),
                            end.computed().stream().map(ComputedModel::name))));
                }
            } else if (expr instanceof Expr.Exists exists) {
                ResourceModel end = follow(exists.path(), here, true);
                if (end != null && exists.condition() != null) {
                    List<ResourceModel> inner = new ArrayList<>(rows);
                    inner.add(end);
                    check(exists.condition(), inner);
                }
            } else if (expr instanceof Expr.Excluded excluded) {
                problem("its " + what + " uses excluded(" + excluded.attribute() + "), which only an upsert has",
                        "use excluded(...) only in upsert fields and conditions");
            } else if (expr instanceof Expr.Parent parent) {
                if (rows.size() < 2) {
                    problem("its " + what + " uses parent(...) where there is no row outside",
                            "use parent(...) only inside exists(relationship, ...) or an aggregate's filter");
                } else {
                    check(parent.expression(), rows.subList(0, rows.size() - 1));
                }
            } else {
                children(expr).forEach(child -> check(child, rows));
            }
        }

        /** The resource at the end of a relationship path, or {@code null} when a step is reported. */
        private ResourceModel follow(List<String> path, ResourceModel from, boolean toMany) {
            ResourceModel current = from;
            for (String step : path) {
                RelationshipModel relationship = current.relationship(step).orElse(null);
                if (relationship == null) {
                    problem("its " + what + " follows '" + step + "', which is not a relationship of " + current.name(),
                            "use one of its relationships: " + list(current.relationships().stream().map(RelationshipModel::name)));
                    return null;
                }
                if (!toMany && (relationship.kind() == RelationshipKind.HAS_MANY
                        || relationship.kind() == RelationshipKind.MANY_TO_MANY)) {
                    problem("its " + what + " follows the " + relationship.kind().label() + " relationship '" + step
                            + "' to a single value", "use exists(" + String.join(".", path) + ", ...) or an aggregate over it");
                    return null;
                }
                current = byType.get(relationship.target());
                if (current == null) {
                    return null; // reported with the relationship
                }
            }
            return current;
        }

        private void problem(String problem, String fix) {
            problems.add(resource, member, problem, fix);
        }
    }

    /** The operands of a node that are evaluated on the same row; an unknown node fails loudly. */
    private static List<Expr> children(Expr expr) {
        if (expr instanceof Expr.Value || expr instanceof Expr.Arg) {
            return List.of();
        } else if (expr instanceof Expr.Compare compare) {
            return List.of(compare.left(), compare.right());
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
        } else if (expr instanceof Expr.Arithmetic arithmetic) {
            return List.of(arithmetic.left(), arithmetic.right());
        } else if (expr instanceof Expr.Concat concat) {
            return concat.parts();
        } else if (expr instanceof Expr.Case caseExpr) {
            List<Expr> all = new ArrayList<>();
            caseExpr.branches().forEach(b -> {
                all.add(b.condition());
                all.add(b.value());
            });
            if (caseExpr.otherwise() != null) {
                all.add(caseExpr.otherwise());
            }
            return all;
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
        throw new IllegalStateException("Unknown expression node " + expr.getClass().getName());
    }
}
