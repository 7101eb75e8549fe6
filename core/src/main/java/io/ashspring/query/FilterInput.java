package io.ashspring.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.type.AttributeConstraints;
import io.ashspring.type.ValueLimits;

/**
 * Turns one nested filter input (see {@link QueryInput}) into expression nodes, reaching only
 * public attributes and counting conditions and depth as it goes. Values are converted to the
 * attribute's type here, so a bad value is reported with the field as the input wrote it.
 */
final class FilterInput {

    private static final Set<String> OPERATORS = Set.of("eq", "not_eq", "ne", "gt", "gte", "ge", "lt", "lte", "le", "in",
            "not_in", "is_nil", "contains", "starts_with", "ends_with", "like", "ilike");
    private static final Set<String> TEXT_OPERATORS = Set.of("contains", "starts_with", "ends_with", "like", "ilike");

    private final ResourceRegistry registry;
    private final ResourceModel root;
    private int conditions;

    FilterInput(ResourceRegistry registry, ResourceModel root) {
        this.registry = registry;
        this.root = root;
    }

    Expr parse(Map<String, ?> filter) {
        return conditions(root, List.of(), filter, "", 0);
    }

    /** A sort key's attribute: public, reached through to-one relationships only. */
    Expr.Attr sortable(String reference) {
        ResourceModel resource = root;
        List<String> parts = List.of(reference.split("\\.", -1));
        for (String relationshipName : parts.subList(0, parts.size() - 1)) {
            Optional<RelationshipModel> relationship = resource.relationship(relationshipName);
            if (relationship.isEmpty() || isToMany(relationship.get())) {
                throw unsortable(reference);
            }
            resource = registry.resource(relationship.get().target());
        }
        String name = parts.get(parts.size() - 1);
        if (publicAttribute(resource, name).isEmpty() && publicComputed(resource, name).isEmpty()) {
            throw unsortable(reference);
        }
        return new Expr.Attr(parts.subList(0, parts.size() - 1), name);
    }

    private Expr conditions(ResourceModel resource, List<String> prefix, Map<String, ?> filter, String at, int depth) {
        if (depth > QueryInput.MAX_DEPTH) {
            throw new InvalidQueryException(root.name(), at, "is nested too deeply (at most " + QueryInput.MAX_DEPTH + " levels)");
        }
        List<Expr> all = new ArrayList<>();
        for (Map.Entry<String, ?> entry : filter.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String field = at.isEmpty() ? key : at + "." + key;
            switch (key) {
                case "and", "or" -> {
                    List<Expr> operands = new ArrayList<>();
                    for (Map<String, ?> operand : operands(entry.getValue(), field)) {
                        operands.add(conditions(resource, prefix, operand, at, depth + 1));
                    }
                    all.add(key.equals("and") ? new Expr.And(operands) : new Expr.Or(operands));
                }
                case "not" -> all.add(new Expr.Not(conditions(resource, prefix, map(entry.getValue(), field), at, depth + 1)));
                default -> all.add(field(resource, prefix, key, entry.getValue(), field, depth));
            }
        }
        return all.size() == 1 ? all.get(0) : new Expr.And(all);
    }

    private Expr field(ResourceModel resource, List<String> prefix, String key, Object value, String field, int depth) {
        int dot = key.indexOf('.');
        if (dot > 0) { // representative.name: the same as {representative: {name: value}}
            String head = field.substring(0, field.length() - (key.length() - dot));
            return field(resource, prefix, key.substring(0, dot), Map.of(key.substring(dot + 1), value), head, depth);
        }
        Optional<RelationshipModel> relationship = resource.relationship(key);
        boolean operatorsOnly = value instanceof Map<?, ?> map && !map.isEmpty()
                && map.keySet().stream().allMatch(OPERATORS::contains);
        if (relationship.isPresent() && value instanceof Map<?, ?> nested && !operatorsOnly) {
            ResourceModel target = registry.resource(relationship.get().target());
            List<String> path = new ArrayList<>(prefix);
            path.add(key);
            if (isToMany(relationship.get())) {
                // some related record matches: EXISTS, so rows are never multiplied
                return new Expr.Exists(path, conditions(target, List.of(), map(nested, field), field, depth + 1));
            }
            return conditions(target, path, map(nested, field), field, depth + 1);
        }
        AttributeModel attribute = publicAttribute(resource, key)
                .or(() -> publicComputed(resource, key))
                .orElseThrow(() -> unknownField(resource, field));
        Expr.Attr attr = new Expr.Attr(prefix, attribute.name());
        if (value instanceof Map<?, ?> operators) {
            if (operators.isEmpty()) {
                throw new InvalidQueryException(root.name(), field, "needs an operator (operators: " + operatorNames() + ")");
            }
            List<Expr> all = new ArrayList<>();
            for (Map.Entry<?, ?> operator : operators.entrySet()) {
                all.add(operator(attribute, attr, String.valueOf(operator.getKey()), operator.getValue(), field));
            }
            return all.size() == 1 ? all.get(0) : new Expr.And(all);
        }
        return operator(attribute, attr, "eq", value, field);
    }

    private Expr operator(AttributeModel attribute, Expr.Attr attr, String operator, Object value, String field) {
        count(1);
        if (TEXT_OPERATORS.contains(operator) && !attribute.type().isText()) {
            throw new InvalidQueryException(root.name(), field, operator + " applies to text attributes only");
        }
        return switch (operator) {
            case "eq" -> compare(Expr.Operator.EQ, attribute, attr, value, field, operator);
            case "not_eq", "ne" -> compare(Expr.Operator.NE, attribute, attr, value, field, operator);
            case "gt" -> compare(Expr.Operator.GT, attribute, attr, value, field, operator);
            case "gte", "ge" -> compare(Expr.Operator.GE, attribute, attr, value, field, operator);
            case "lt" -> compare(Expr.Operator.LT, attribute, attr, value, field, operator);
            case "lte", "le" -> compare(Expr.Operator.LE, attribute, attr, value, field, operator);
            case "in" -> new Expr.In(attr, new Expr.Value(list(attribute, value, field)));
            case "not_in" -> new Expr.Not(new Expr.In(attr, new Expr.Value(list(attribute, value, field))));
            case "is_nil" -> isNil(attr, value, field);
            case "contains" -> text(Expr.Function.CONTAINS, attr, value, field, operator);
            case "starts_with" -> text(Expr.Function.STARTS_WITH, attr, value, field, operator);
            case "ends_with" -> text(Expr.Function.ENDS_WITH, attr, value, field, operator);
            case "like" -> text(Expr.Function.LIKE, attr, value, field, operator);
            case "ilike" -> text(Expr.Function.ILIKE, attr, value, field, operator);
            default -> throw new InvalidQueryException(root.name(), field, "has no operator '" + operator
                    + "' (operators: " + operatorNames() + ")");
        };
    }

    private Expr compare(Expr.Operator operator, AttributeModel attribute, Expr.Attr attr, Object value, String field,
                         String name) {
        return new Expr.Compare(operator, attr, new Expr.Value(convert(attribute, scalar(value, field, name), field)));
    }

    private Expr text(Expr.Function function, Expr.Attr attr, Object value, String field, String name) {
        Object text = scalar(value, field, name);
        if (text != null && !(text instanceof String)) {
            throw new InvalidQueryException(root.name(), field, name + " takes text");
        }
        if (text != null) {
            boolean pattern = function == Expr.Function.LIKE || function == Expr.Function.ILIKE;
            limit(field, pattern ? ValueLimits.likePattern((String) text) : ValueLimits.parameter(text));
        }
        return new Expr.Call(function, List.of(attr, new Expr.Value(text)));
    }

    private Expr isNil(Expr.Attr attr, Object value, String field) {
        Object flag = scalar(value, field, "is_nil");
        if ("true".equals(String.valueOf(flag))) {
            return new Expr.IsNil(attr);
        }
        if ("false".equals(String.valueOf(flag))) {
            return new Expr.Not(new Expr.IsNil(attr));
        }
        throw new InvalidQueryException(root.name(), field, "is_nil takes true or false");
    }

    /** {@code "a,b"} or a list, each value converted to the attribute's type. */
    private List<Object> list(AttributeModel attribute, Object value, String field) {
        Collection<?> items = value instanceof Collection<?> collection ? collection
                : value instanceof String text ? Arrays.asList(text.split(",", -1)) : List.of(value);
        count(items.size());
        List<Object> converted = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                throw new InvalidQueryException(root.name(), field, "in takes a list of plain values");
            }
            converted.add(convert(attribute, item, field));
        }
        return converted;
    }

    private Object convert(AttributeModel attribute, Object value, String field) {
        Object converted;
        try {
            converted = attribute.type().coerce(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidQueryException(root.name(), field, "cannot be compared with " + attribute.describe(value)
                    + ": " + e.getMessage());
        }
        limit(field, ValueLimits.parameter(attribute.type(), converted));
        return converted;
    }

    /** A value PostgreSQL cannot take (NUL in text, a number or a date out of its range) is a bad query. */
    private void limit(String field, Optional<AttributeConstraints.Violation> violation) {
        violation.ifPresent(v -> {
            throw new InvalidQueryException(root.name(), field, v.message());
        });
    }

    private Object scalar(Object value, String field, String operator) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
            throw new InvalidQueryException(root.name(), field, operator + " takes one value");
        }
        return value;
    }

    private void count(int more) {
        conditions += more;
        if (conditions > QueryInput.MAX_CONDITIONS) {
            throw new InvalidQueryException(root.name(), "filter", "has more than " + QueryInput.MAX_CONDITIONS
                    + " conditions");
        }
    }

    /** The operands of and/or: a list of maps, or (from a query string) a map by index {@code 0, 1, ...}. */
    private List<Map<String, ?>> operands(Object value, String field) {
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            items.addAll(collection);
        } else if (value instanceof Map<?, ?> byIndex) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            for (Map.Entry<?, ?> entry : byIndex.entrySet()) {
                try {
                    ordered.put(Integer.parseInt(String.valueOf(entry.getKey())), entry.getValue());
                } catch (NumberFormatException e) {
                    throw new InvalidQueryException(root.name(), field, "takes a list of filters (" + field + "[0], "
                            + field + "[1]...)");
                }
            }
            items.addAll(ordered.values());
        } else {
            throw new InvalidQueryException(root.name(), field, "takes a list of filters");
        }
        List<Map<String, ?>> maps = new ArrayList<>();
        for (Object item : items) {
            maps.add(map(item, field));
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> map(Object value, String field) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidQueryException(root.name(), field, "takes a filter (field: value)");
        }
        return (Map<String, ?>) map;
    }

    /** A public attribute, or a belongs_to relationship's public key by the relationship's name. */
    private static Optional<AttributeModel> publicAttribute(ResourceModel resource, String name) {
        return resource.attribute(name).or(() -> resource.relationship(name)
                        .filter(r -> r.kind() == RelationshipKind.BELONGS_TO)
                        .flatMap(r -> resource.attribute(r.sourceAttribute())))
                .filter(AttributeModel::isPublic);
    }

    /** A public aggregate or SQL calculation of the resource, as a stand-in attribute of its type. */
    private static Optional<AttributeModel> publicComputed(ResourceModel resource, String name) {
        return resource.computed(name).filter(ComputedModel::isPublic).filter(c -> c.type() != null)
                .map(ComputedModel::asAttribute);
    }

    private static boolean isToMany(RelationshipModel relationship) {
        return relationship.kind() == RelationshipKind.HAS_MANY || relationship.kind() == RelationshipKind.MANY_TO_MANY;
    }

    private InvalidQueryException unknownField(ResourceModel resource, String field) {
        // private and unknown fields get the same answer: the input learns nothing about private ones
        List<String> fields = new ArrayList<>();
        resource.attributes().stream().filter(AttributeModel::isPublic).forEach(a -> fields.add(a.name()));
        resource.relationships().forEach(r -> fields.add(r.name()));
        resource.computed().stream().filter(c -> c.isPublic() && c.type() != null)
                .forEach(c -> fields.add(c.name()));
        return new InvalidQueryException(root.name(), field, "is not a field that can be filtered on (fields: "
                + String.join(", ", fields) + ")");
    }

    private InvalidQueryException unsortable(String reference) {
        String sortable = java.util.stream.Stream.concat(
                root.attributes().stream().filter(AttributeModel::isPublic).map(AttributeModel::name),
                root.computed().stream().filter(c -> c.isPublic() && c.type() != null).map(ComputedModel::name))
                .collect(Collectors.joining(", "));
        return new InvalidQueryException(root.name(), reference, "cannot be sorted on (sort on one of: " + sortable
                + ", or an attribute of a to-one relationship such as relationship.attribute)");
    }

    private static String operatorNames() {
        return "eq, not_eq, gt, gte, lt, lte, in, not_in, is_nil, contains, starts_with, ends_with, like, ilike";
    }
}
