package io.ashspring.resource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.ResourceReader.ResourceDraft;
import io.ashspring.resource.model.AggregateModel;
import io.ashspring.resource.model.CalculationModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.type.AttributeType;
import io.ashspring.type.TypeOptions;

/**
 * Reads the aggregates and calculations of a resource from its {@link Aggregate}, {@link Count} and
 * {@link Calculation} components, reporting each bad declaration as a problem of its member. These components
 * are not attributes: they have no column, and they are {@code null} until loaded. What they refer to (the
 * relationship, the field, the names in an expression) is checked by {@link ComputedChecker} once every
 * resource is read.
 */
final class ComputedReader {

    private final ResourceReader reader;
    private final Problems problems;

    ComputedReader(ResourceReader reader, Problems problems) {
        this.reader = reader;
        this.problems = problems;
    }

    /** Whether a record component carries {@link Aggregate}, {@link Count} or {@link Calculation}. */
    static boolean isComputed(RecordComponent component) {
        return component.isAnnotationPresent(Aggregate.class) || component.isAnnotationPresent(Count.class)
                || component.isAnnotationPresent(Calculation.class);
    }

    /** The aggregate or calculation of a component, or {@code null} when its declaration is reported as a problem. */
    ComputedModel read(ResourceDraft draft, RecordComponent component, int index) {
        Aggregate aggregate = component.getAnnotation(Aggregate.class);
        Count count = component.getAnnotation(Count.class);
        Calculation calculation = component.getAnnotation(Calculation.class);
        String name = component.getName();
        if ((aggregate != null ? 1 : 0) + (count != null ? 1 : 0) + (calculation != null ? 1 : 0) > 1) {
            problem(draft, name, "has more than one of @Aggregate, @Count, @Calculation", "keep exactly one of them");
            return null;
        }
        int reported = problems.size();
        ComputedModel model;
        if (count != null) {
            AttributeType type = type(draft, component);
            Expr filter = expression(draft, name, "filter", count.filter());
            model = type == null ? null : new AggregateModel(name, AggregateKind.COUNT, count.value(), null, filter, List.of(),
                    false, implicitDefault(type, 0L), type, index, count.isPublic());
        } else if (aggregate != null) {
            model = aggregate(draft, component, aggregate, index);
        } else {
            model = calculation(draft, component, calculation, index);
        }
        return problems.size() > reported ? null : model;
    }

    private AggregateModel aggregate(ResourceDraft draft, RecordComponent component, Aggregate aggregate, int index) {
        String name = component.getName();
        AggregateKind kind = aggregate.kind();
        String field = aggregate.field().isBlank() ? null : aggregate.field();
        if (field == null && kind != AggregateKind.COUNT && kind != AggregateKind.EXISTS) {
            problem(draft, name, "is a " + kind + " aggregate without a field", "name the related attribute: field = \"...\"");
        }
        AttributeType type = type(draft, component);
        Expr filter = expression(draft, name, "filter", aggregate.filter());
        List<SortKey> sort = new ArrayList<>();
        for (String key : aggregate.sort()) {
            try {
                sort.add(SortKey.parse(key));
            } catch (RuntimeException e) {
                problem(draft, name, "has the sort key '" + key + "', which is not valid: " + e.getMessage(),
                        "write sort keys as \"field\", \"-field\", \"++field\" or \"--field\"");
            }
        }
        if (type == null) {
            return null;
        }
        Object defaultValue;
        if (!aggregate.defaultValue().isBlank()) {
            defaultValue = declaredDefault(draft, name, type, aggregate.defaultValue());
        } else {
            defaultValue = kind == AggregateKind.COUNT ? implicitDefault(type, 0L)
                    : kind == AggregateKind.EXISTS ? implicitDefault(type, false)
                    : kind == AggregateKind.LIST ? implicitDefault(type, List.of()) : null;
        }
        return new AggregateModel(name, kind, aggregate.relationship(), field, filter, sort, aggregate.distinct(), defaultValue,
                type, index, aggregate.isPublic());
    }

    @SuppressWarnings("unchecked")
    private CalculationModel calculation(ResourceDraft draft, RecordComponent component, Calculation calculation, int index) {
        String name = component.getName();
        boolean java = calculation.java() != Computation.class;
        if (java == !calculation.value().isBlank()) {
            problem(draft, name, "is a calculation with " + (java ? "both" : "neither") + " an expression and a java computation",
                    "give either @Calculation(\"expression\") or @Calculation(java = MyComputation.class)");
            return null;
        }
        if (java) {
            try {
                var constructor = calculation.java().getDeclaredConstructor();
                constructor.setAccessible(true);
                return new CalculationModel(name, null, (Computation<Object, Object>) constructor.newInstance(), null, index,
                        calculation.isPublic());
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
                problem(draft, name, "cannot create " + calculation.java().getName() + ": " + e,
                        "give " + calculation.java().getSimpleName() + " a no-argument constructor");
                return null;
            }
        }
        AttributeType type = type(draft, component);
        Expr expression = expression(draft, name, "expression", calculation.value());
        return type == null ? null : new CalculationModel(name, expression, null, type, index, calculation.isPublic());
    }

    /** The parsed expression, or {@code null} for blank text or text that is reported as a problem. */
    private Expr expression(ResourceDraft draft, String member, String what, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Expressions.parse(text);
        } catch (RuntimeException e) {
            problem(draft, member, "has the " + what + " '" + text + "', which is not a valid expression: " + e.getMessage(),
                    "fix the " + what + " text (the syntax of docs/queries.md)");
            return null;
        }
    }

    /** A declared default converted to the component's type; one that does not convert is reported. */
    private Object declaredDefault(ResourceDraft draft, String member, AttributeType type, String value) {
        try {
            return type.coerce(value);
        } catch (IllegalArgumentException e) {
            problem(draft, member, "has the default '" + value + "', which is not a " + type.javaType().getSimpleName()
                    + " (" + e.getMessage() + ")", "fix defaultValue, or change the component's type");
            return null;
        }
    }

    /** The kind's own default (0, false, an empty list) in the component's type; a component of the wrong type is reported by the checker. */
    private static Object implicitDefault(AttributeType type, Object value) {
        try {
            return type.coerce(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AttributeType type(ResourceDraft draft, RecordComponent component) {
        return reader.resolveType(draft, component.getName(), component.getGenericType(), TypeOptions.DEFAULT);
    }

    private void problem(ResourceDraft draft, String member, String problem, String fix) {
        problems.add(draft.simpleName(), member, problem, fix);
    }
}
