package io.ashspring.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;

import io.ashspring.resource.Ref;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Turns rows into records through the canonical constructor, and reads attribute values back out
 * of records, with method handles computed once per resource (no reflection per row). Rows must
 * hold the resource's attributes in model order, as the SQL compiler selects them.
 *
 * @param <T> the record type
 */
final class RecordMapper<T> implements RowMapper<T> {

    private final ResourceModel resource;
    private final List<AttributeModel> attributes;
    private final MethodHandle constructor;
    private final MethodHandle[] accessors;

    RecordMapper(ResourceModel resource) {
        this.resource = resource;
        this.attributes = resource.attributes();
        Class<?> type = resource.type();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        accessors = new MethodHandle[components.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                accessors[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
            }
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            this.constructor = lookup.unreflectConstructor(canonical)
                    .asType(MethodType.genericMethodType(components.length))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot access the canonical constructor of " + type.getName()
                    + ": make the record public (or its package open to Ash)", e);
        }
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        return construct(arguments(rs));
    }

    /**
     * A row mapper that also reads loaded aggregates and SQL calculations, selected right after the
     * attributes in this order, into their components.
     */
    RowMapper<T> withComputed(List<ComputedModel> computed) {
        if (computed.isEmpty()) {
            return this;
        }
        int first = attributes.size() + 1;
        return (rs, rowNum) -> {
            Object[] arguments = arguments(rs);
            for (int i = 0; i < computed.size(); i++) {
                ComputedModel field = computed.get(i);
                arguments[field.component()] = field.type().read(rs, first + i);
            }
            return construct(arguments);
        };
    }

    /** A copy of a record with one component replaced, through the canonical constructor. */
    T with(T record, int component, Object value) {
        Object[] arguments = new Object[accessors.length];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = i == component ? value : component(record, i);
        }
        return construct(arguments);
    }

    /**
     * A record from its attributes' values, in model order (a belongs_to key becomes its {@code Ref});
     * relationships, calculations and aggregates are left unloaded.
     */
    T fromAttributes(Object[] values) {
        Object[] arguments = new Object[accessors.length];
        for (int i = 0; i < attributes.size(); i++) {
            AttributeModel attribute = attributes.get(i);
            Object value = values[i];
            arguments[attribute.component()] = attribute.isForeignKey() ? (value == null ? null : Ref.to(value)) : value;
        }
        return construct(arguments);
    }

    private Object[] arguments(ResultSet rs) throws SQLException {
        Object[] arguments = new Object[accessors.length];
        for (int i = 0; i < attributes.size(); i++) {
            AttributeModel attribute = attributes.get(i);
            Object value = attribute.type().read(rs, i + 1);
            arguments[attribute.component()] = attribute.isForeignKey() ? (value == null ? null : Ref.to(value)) : value;
        }
        return arguments;
    }

    @SuppressWarnings("unchecked")
    private T construct(Object[] arguments) {
        try {
            return (T) (Object) constructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The constructor of " + resource.type().getName() + " failed", e);
        }
    }

    /** The value of an attribute in a record (the key of a belongs_to {@code Ref}). */
    Object value(T record, AttributeModel attribute) {
        Object component = component(record, attribute.component());
        if (attribute.isForeignKey()) {
            return component == null ? null : ((Ref<?, ?>) component).id();
        }
        return component;
    }

    /** The primary key values of a record, in key order. */
    List<Object> key(T record) {
        List<Object> key = new ArrayList<>(resource.primaryKey().size());
        for (AttributeModel attribute : resource.primaryKey()) {
            key.add(value(record, attribute));
        }
        return key;
    }

    Object component(Object record, int index) {
        try {
            return (Object) accessors[index].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
