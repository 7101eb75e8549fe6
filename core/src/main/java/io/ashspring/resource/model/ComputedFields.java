package io.ashspring.resource.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ashspring.expr.Expressions;
import io.ashspring.query.SortKey;
import io.ashspring.resource.Aggregate;
import io.ashspring.resource.AggregateKind;
import io.ashspring.resource.Calculation;
import io.ashspring.resource.Computation;
import io.ashspring.resource.Count;
import io.ashspring.type.AttributeType;
import io.ashspring.type.TypeOptions;
import io.ashspring.type.TypeRegistry;

/**
 * The aggregates and calculations of a resource, read once per record class from its
 * {@link Aggregate}, {@link Count} and {@link Calculation} components. These components are not
 * attributes: they have no column, and they are {@code null} until loaded.
 */
public final class ComputedFields {

    private static final TypeRegistry TYPES = new TypeRegistry();

    private static final ClassValue<ComputedFields> CACHE = new ClassValue<>() {
        @Override
        protected ComputedFields computeValue(Class<?> type) {
            return read(type);
        }
    };

    private final Map<String, ComputedModel> byName;

    private ComputedFields(Map<String, ComputedModel> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The computed fields of a resource. */
    public static ComputedFields of(ResourceModel resource) {
        return of(resource.type());
    }

    /** The computed fields of a record class. */
    public static ComputedFields of(Class<?> type) {
        return CACHE.get(type);
    }

    /** Whether a record component carries {@link Aggregate}, {@link Count} or {@link Calculation}. */
    public static boolean isComputed(RecordComponent component) {
        return component.isAnnotationPresent(Aggregate.class) || component.isAnnotationPresent(Count.class)
                || component.isAnnotationPresent(Calculation.class);
    }

    /** The computed field with this name. */
    public Optional<ComputedModel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every computed field, in component order. */
    public List<ComputedModel> all() {
        return List.copyOf(byName.values());
    }

    /** Whether there is a computed field with this name. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    private static ComputedFields read(Class<?> type) {
        Map<String, ComputedModel> fields = new LinkedHashMap<>();
        RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            try {
                ComputedModel model = read(component, i);
                if (model != null) {
                    fields.put(model.name(), model);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(type.getSimpleName() + "." + component.getName() + ": " + e.getMessage(), e);
            }
        }
        return new ComputedFields(fields);
    }

    private static ComputedModel read(RecordComponent component, int index) {
        Aggregate aggregate = component.getAnnotation(Aggregate.class);
        Count count = component.getAnnotation(Count.class);
        Calculation calculation = component.getAnnotation(Calculation.class);
        String name = component.getName();
        if ((aggregate != null ? 1 : 0) + (count != null ? 1 : 0) + (calculation != null ? 1 : 0) > 1) {
            throw new IllegalArgumentException("keep exactly one of @Aggregate, @Count, @Calculation");
        }
        if (count != null) {
            AttributeType type = type(component);
            return new AggregateModel(name, AggregateKind.COUNT, count.value(), null, filter(count.filter()), List.of(),
                    false, type.coerce(0L), type, index, count.isPublic());
        }
        if (aggregate != null) {
            return aggregate(component, aggregate, index);
        }
        if (calculation != null) {
            return calculation(component, calculation, index);
        }
        return null;
    }

    private static AggregateModel aggregate(RecordComponent component, Aggregate aggregate, int index) {
        AggregateKind kind = aggregate.kind();
        String field = aggregate.field().isBlank() ? null : aggregate.field();
        if (field == null && kind != AggregateKind.COUNT && kind != AggregateKind.EXISTS) {
            throw new IllegalArgumentException("a " + kind + " aggregate needs a field");
        }
        AttributeType type = type(component);
        Object defaultValue = aggregate.defaultValue().isBlank()
                ? (kind == AggregateKind.COUNT ? type.coerce(0L) : kind == AggregateKind.EXISTS ? type.coerce(false)
                : kind == AggregateKind.LIST ? type.coerce(List.of()) : null)
                : type.coerce(aggregate.defaultValue());
        List<SortKey> sort = new ArrayList<>();
        for (String key : aggregate.sort()) {
            sort.add(SortKey.parse(key));
        }
        return new AggregateModel(component.getName(), kind, aggregate.relationship(), field, filter(aggregate.filter()),
                sort, aggregate.distinct(), defaultValue, type, index, aggregate.isPublic());
    }

    @SuppressWarnings("unchecked")
    private static CalculationModel calculation(RecordComponent component, Calculation calculation, int index) {
        boolean java = calculation.java() != Computation.class;
        if (java == !calculation.value().isBlank()) {
            throw new IllegalArgumentException("a calculation needs either an expression or a java computation, not "
                    + (java ? "both" : "neither"));
        }
        if (java) {
            try {
                var constructor = calculation.java().getDeclaredConstructor();
                constructor.setAccessible(true);
                return new CalculationModel(component.getName(), null, (Computation<Object, Object>) constructor.newInstance(),
                        null, index, calculation.isPublic());
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot create " + calculation.java().getName()
                        + ": give it a no-argument constructor", e);
            }
        }
        return new CalculationModel(component.getName(), Expressions.parse(calculation.value()), null, type(component),
                index, calculation.isPublic());
    }

    private static io.ashspring.expr.Expr filter(String text) {
        return text.isBlank() ? null : Expressions.parse(text);
    }

    private static AttributeType type(RecordComponent component) {
        return TYPES.resolve(component.getGenericType(), TypeOptions.DEFAULT);
    }
}
