package io.ashspring.repository;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

import io.ashspring.expr.Expr;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.type.AttributeType;

import static io.ashspring.expr.Expressions.and;
import static io.ashspring.expr.Expressions.attr;
import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.endsWith;
import static io.ashspring.expr.Expressions.fragment;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.ge;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.in;
import static io.ashspring.expr.Expressions.isNil;
import static io.ashspring.expr.Expressions.le;
import static io.ashspring.expr.Expressions.like;
import static io.ashspring.expr.Expressions.lower;
import static io.ashspring.expr.Expressions.lt;
import static io.ashspring.expr.Expressions.not;
import static io.ashspring.expr.Expressions.or;
import static io.ashspring.expr.Expressions.startsWith;
import static io.ashspring.expr.Expressions.value;

/**
 * The filter of a query method derived from its name ({@code findByStatusAndPriorityGreaterThan}),
 * checked once against the resource when the repository is created: each property must be an
 * attribute, a belongs_to relationship (compared by its key) or a calculation or aggregate, and
 * each keyword one this translation supports. {@link #filter} then builds the expression from
 * the call's arguments, every value a bind parameter.
 */
final class DerivedCriteria {

    private final List<List<Criterion>> alternatives;

    private DerivedCriteria(List<List<Criterion>> alternatives) {
        this.alternatives = alternatives;
    }

    /** @throws IllegalStateException naming the method and the part it cannot translate */
    static DerivedCriteria of(PartTree tree, ResourceModel resource, Method method) {
        List<List<Criterion>> alternatives = new ArrayList<>();
        for (PartTree.OrPart orPart : tree) {
            List<Criterion> all = new ArrayList<>();
            for (Part part : orPart) {
                all.add(criterion(part, resource, method));
            }
            alternatives.add(all);
        }
        return new DerivedCriteria(alternatives);
    }

    /** The filter for one call, taking the values it needs from the bindable arguments in order; null when the name has no criteria. */
    Expr filter(Iterator<Object> arguments) {
        List<Expr> any = new ArrayList<>();
        for (List<Criterion> all : alternatives) {
            List<Expr> each = new ArrayList<>();
            for (Criterion criterion : all) {
                each.add(criterion.expression(arguments));
            }
            any.add(each.size() == 1 ? each.get(0) : and(each));
        }
        if (any.isEmpty()) {
            return null;
        }
        return any.size() == 1 ? any.get(0) : or(any);
    }

    private static Criterion criterion(Part part, ResourceModel resource, Method method) {
        String property = part.getProperty().toDotPath();
        if (property.contains(".")) {
            throw problem(method, part, "the path " + property + " goes through a relationship; derived queries compare "
                    + "the resource's own fields. Fix: bind the method to a read action, or pass a Query with "
                    + "exists(...) to findAll(Query)");
        }
        AttributeType type = fieldType(resource, property, method, part);
        boolean ignoreCase = switch (part.shouldIgnoreCase()) {
            case NEVER -> false;
            case WHEN_POSSIBLE -> type != null && type.isText();
            case ALWAYS -> {
                if (type == null || !type.isText()) {
                    throw problem(method, part, property + " is not text, so it cannot be compared ignoring case");
                }
                yield true;
            }
        };
        Expr field = ignoreCase ? lower(attr(property)) : attr(property);
        return switch (part.getType()) {
            case SIMPLE_PROPERTY -> args -> {
                Object v = args.next();
                return v == null ? isNil(attr(property)) : eq(field, folded(v, ignoreCase));
            };
            case NEGATING_SIMPLE_PROPERTY -> args -> {
                Object v = args.next();
                return v == null ? not(isNil(attr(property))) : not(eq(field, folded(v, ignoreCase)));
            };
            case LESS_THAN, BEFORE -> args -> lt(field, folded(args.next(), ignoreCase));
            case LESS_THAN_EQUAL -> args -> le(field, folded(args.next(), ignoreCase));
            case GREATER_THAN, AFTER -> args -> gt(field, folded(args.next(), ignoreCase));
            case GREATER_THAN_EQUAL -> args -> ge(field, folded(args.next(), ignoreCase));
            case BETWEEN -> args -> and(ge(field, folded(args.next(), ignoreCase)), le(field, folded(args.next(), ignoreCase)));
            case IS_NULL -> args -> isNil(attr(property));
            case IS_NOT_NULL -> args -> not(isNil(attr(property)));
            case TRUE -> args -> eq(property, true);
            case FALSE -> args -> eq(property, false);
            case LIKE -> args -> ignoreCase ? ilike(attr(property), args.next()) : like(attr(property), args.next());
            case NOT_LIKE -> args -> not(ignoreCase ? ilike(attr(property), args.next()) : like(attr(property), args.next()));
            case STARTING_WITH -> text(method, part, type, args -> startsWith(field, folded(args.next(), ignoreCase)));
            case ENDING_WITH -> text(method, part, type, args -> endsWith(field, folded(args.next(), ignoreCase)));
            case CONTAINING -> containing(method, part, type, field, ignoreCase);
            case NOT_CONTAINING -> {
                Criterion containing = containing(method, part, type, field, ignoreCase);
                yield args -> not(containing.expression(args));
            }
            case IN -> args -> in(field, collection(args.next(), ignoreCase, method));
            case NOT_IN -> args -> not(in(field, collection(args.next(), ignoreCase, method)));
            default -> throw problem(method, part, "the keyword " + keyword(part) + " is not supported (supported: "
                    + "Is/Equals, Not, LessThan, LessThanEqual, GreaterThan, GreaterThanEqual, Before, After, Between, "
                    + "IsNull, IsNotNull, True, False, Like, NotLike, StartingWith, EndingWith, Containing, "
                    + "NotContaining, In, NotIn, IgnoreCase)");
        };
    }

    /** The type of a field the query can compare: an attribute, a belongs_to (its key) or a computed field. */
    private static AttributeType fieldType(ResourceModel resource, String property, Method method, Part part) {
        Optional<AttributeModel> attribute = resource.attribute(property);
        if (attribute.isPresent()) {
            return attribute.get().type();
        }
        Optional<RelationshipModel> relationship = resource.relationship(property);
        if (relationship.isPresent()) {
            if (relationship.get().kind() != RelationshipKind.BELONGS_TO) {
                throw problem(method, part, property + " is a " + relationship.get().kind().label() + " relationship; "
                        + "derived queries compare attributes and belongs_to keys. Fix: bind the method to a read "
                        + "action, or pass a Query with exists(" + property + ", ...) to findAll(Query)");
            }
            return resource.requireAttribute(relationship.get().sourceAttribute()).type();
        }
        Optional<ComputedModel> computed = resource.computed(property);
        if (computed.isPresent()) {
            return computed.get().type();
        }
        throw problem(method, part, property + " is not a field of " + resource.name());
    }

    private static Criterion text(Method method, Part part, AttributeType type, Criterion criterion) {
        if (type == null || !type.isText()) {
            throw problem(method, part, part.getProperty().toDotPath() + " is not text");
        }
        return criterion;
    }

    /** {@code Containing}: a substring of a text field, or an element of an array field. */
    private static Criterion containing(Method method, Part part, AttributeType type, Expr field, boolean ignoreCase) {
        if (type != null && type.isList()) {
            return args -> fragment("? = ANY(?)", args.next(), field);
        }
        return text(method, part, type, args -> contains(field, folded(args.next(), ignoreCase)));
    }

    private static Object folded(Object value, boolean ignoreCase) {
        return ignoreCase && value != null ? lower(value(value)) : value;
    }

    private static Collection<?> collection(Object value, boolean ignoreCase, Method method) {
        if (!(value instanceof Collection<?> values)) {
            throw new IllegalArgumentException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + ": In takes a Collection, got " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return ignoreCase ? values.stream().map(v -> v == null ? null : v.toString().toLowerCase(java.util.Locale.ROOT)).toList()
                : values;
    }

    private static IllegalStateException problem(Method method, Part part, String message) {
        return new IllegalStateException(method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": "
                + message);
    }

    /** A keyword as the method name writes it: {@code Near}, not {@code NEAR}. */
    private static String keyword(Part part) {
        List<String> keywords = new ArrayList<>(part.getType().getKeywords());
        return keywords.get(keywords.size() - 1);
    }

    /** One comparison of a derived query, given the call's remaining arguments. */
    @FunctionalInterface
    private interface Criterion {
        Expr expression(Iterator<Object> arguments);
    }
}
