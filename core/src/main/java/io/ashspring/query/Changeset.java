package io.ashspring.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.resource.Ref;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.type.AttributeConstraints;
import io.ashspring.type.AttributeType;
import io.ashspring.type.ValueLimits;

/**
 * Validated changes to one resource: loose input (a map from a JSON body, or built in code)
 * converted to attribute values, with defaults applied on create and every attribute constraint
 * checked, and what PostgreSQL cannot store refused ({@link ValueLimits}), before any SQL runs.
 * All problems are reported together in one {@link InvalidException}.
 *
 * @param resource the resource written
 * @param kind create or update
 * @param values the attributes to write and their values, in input order
 */
public record Changeset(ResourceModel resource, Kind kind, Map<AttributeModel, Object> values) {

    /** Whether the changeset creates a record or updates one. */
    public enum Kind { CREATE, UPDATE }

    /** Canonical constructor: freezes the values (which may contain nulls). */
    public Changeset {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Input for a new record. Attributes left out take their default; generated ones are left to
     * PostgreSQL and come back through {@code RETURNING}.
     *
     * @throws InvalidException listing every field error
     */
    public static Changeset forCreate(ResourceModel resource, Map<String, ?> input) {
        List<FieldError> errors = new ArrayList<>();
        Map<AttributeModel, Object> values = convert(resource, input, Kind.CREATE, errors);
        applyDefaults(resource, values);
        checkRequired(resource, values, errors);
        throwIfAny(resource, errors);
        return new Changeset(resource, Kind.CREATE, values);
    }

    /** Gives each attribute a create leaves out its Java-side default (a supplier's value, or the literal default). */
    public static void applyDefaults(ResourceModel resource, Map<AttributeModel, Object> values) {
        for (AttributeModel attribute : resource.attributes()) {
            if (values.containsKey(attribute)) {
                continue;
            }
            if (attribute.defaultSupplier() != null) {
                values.put(attribute, attribute.type().coerce(attribute.defaultSupplier().get()));
            } else if (attribute.defaultValue() != null) {
                values.put(attribute, attribute.defaultValue());
            }
        }
    }

    /**
     * Reports each required attribute a create leaves without a value (and PostgreSQL would not fill),
     * unless the field has an error already.
     */
    public static void checkRequired(ResourceModel resource, Map<AttributeModel, Object> values, List<FieldError> errors) {
        for (AttributeModel attribute : resource.attributes()) {
            if (!values.containsKey(attribute) && !attribute.allowNil() && !attribute.generatedByDatabase()
                    && errors.stream().noneMatch(e -> e.field().equals(attribute.name()))) {
                errors.add(new FieldError(attribute.name(), "is required", "required"));
            }
        }
    }

    /**
     * Changes to an existing record: only the given attributes change.
     *
     * @throws InvalidException listing every field error
     */
    public static Changeset forUpdate(ResourceModel resource, Map<String, ?> input) {
        List<FieldError> errors = new ArrayList<>();
        Map<AttributeModel, Object> values = convert(resource, input, Kind.UPDATE, errors);
        throwIfAny(resource, errors);
        return new Changeset(resource, Kind.UPDATE, values);
    }

    /**
     * Converts input by attribute name (a belongs_to key also by its relationship's name), reporting
     * unknown and unwritable names and each value {@link #put} rejects as field errors.
     */
    public static Map<AttributeModel, Object> convert(ResourceModel resource, Map<String, ?> input, Kind kind,
                                                      List<FieldError> errors) {
        Map<AttributeModel, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : input.entrySet()) {
            convert(resource, entry.getKey(), resolve(resource, entry.getKey()), entry.getValue(), kind, values, errors);
        }
        return values;
    }

    /**
     * Converts one input value into {@code values}, as {@link #convert(ResourceModel, Map, Kind, List)}
     * does for each: an unknown or unwritable name is a field error.
     *
     * @param attribute the attribute {@code field} names ({@link #resolve}), or {@code null} when none
     */
    public static void convert(ResourceModel resource, String field, AttributeModel attribute, Object raw, Kind kind,
                               Map<AttributeModel, Object> values, List<FieldError> errors) {
        if (attribute == null) {
            errors.add(new FieldError(field, "is not an attribute of " + resource.name(), "unknown_field"));
        } else if (!attribute.writable() || (kind == Kind.UPDATE && attribute.primaryKey())) {
            errors.add(new FieldError(attribute.name(), "cannot be changed", "not_writable"));
        } else {
            put(values, attribute, raw, kind, errors);
        }
    }

    /**
     * Converts one input value of an attribute and puts it into {@code values}: a {@code Ref} gives
     * its id, blank text counts as no value (as in Ash), then the attribute's type converts it and
     * its nil rule and constraints check it ({@link Converter}). In an update, an
     * {@link io.ashspring.expr.Expr} is an atomic value, put as it is: only PostgreSQL knows its
     * result. A problem becomes a field error; a value that could not be converted is left out.
     *
     * @return whether the value was put and is valid
     */
    public static boolean put(Map<AttributeModel, Object> values, AttributeModel attribute, Object raw, Kind kind,
                              List<FieldError> errors) {
        if (raw instanceof io.ashspring.expr.Expr && kind == Kind.UPDATE) {
            values.put(attribute, raw);
            return true;
        }
        int before = errors.size();
        Object value = Converter.of(attribute).value(raw, errors);
        if (value == Converter.REFUSED) {
            return false;
        }
        values.put(attribute, value);
        return errors.size() == before;
    }

    /**
     * Converts and checks the input values of one attribute as they are written by a create (or
     * an update, but for atomic values): what it needs is worked out once, so that a bulk create
     * converts thousands of values of one column with it.
     */
    public static final class Converter {

        /** What {@link #value} returns for input it could not convert, or a missing required value. */
        public static final Object REFUSED = new Object() {
            @Override
            public String toString() {
                return "REFUSED";
            }
        };

        private final AttributeModel attribute;
        private final AttributeType type;
        private final boolean text;
        private final boolean constrained;
        private final ValueLimits.ColumnCheck limit;

        private Converter(AttributeModel attribute) {
            this.attribute = attribute;
            this.type = attribute.type();
            this.text = type.isText();
            this.constrained = !attribute.constraints().isEmpty();
            this.limit = ValueLimits.column(type);
        }

        /** The converter of an attribute's values. */
        public static Converter of(AttributeModel attribute) {
            return new Converter(attribute);
        }

        /** The attribute whose values this converts. */
        public AttributeModel attribute() {
            return attribute;
        }

        /**
         * The value of one input, converted with the attribute's type and checked: its nil rule,
         * its constraints and what PostgreSQL cannot store ({@link ValueLimits}).
         *
         * @param errors receives each problem as a field error
         * @return the value (also when a constraint or limit refused it: the errors say so), or
         *         {@link #REFUSED} when it could not be converted or a required value is missing
         */
        public Object value(Object raw, List<FieldError> errors) {
            if (raw instanceof io.ashspring.expr.Expr) {
                errors.add(new FieldError(attribute.name(), "is invalid: an expression is evaluated against the row being "
                        + "updated, and a new record has none", "invalid"));
                return REFUSED;
            }
            if (raw instanceof Ref<?, ?> ref) {
                raw = ref.id();
            }
            if (text && raw instanceof CharSequence chars && chars.toString().isBlank()) {
                raw = null; // blank text counts as no value, as in Ash
            }
            Object value;
            try {
                value = type.coerce(raw);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(attribute.name(), "is invalid: " + e.getMessage(), "invalid"));
                return REFUSED;
            }
            if (value == null) {
                if (!attribute.allowNil()) {
                    errors.add(new FieldError(attribute.name(), "is required", "required"));
                    return REFUSED;
                }
                return null;
            }
            if (constrained) {
                for (AttributeConstraints.Violation violation : attribute.constraints().check(value)) {
                    errors.add(new FieldError(attribute.name(), violation.message(), violation.code()));
                }
            }
            // what PostgreSQL cannot store (NUL in text, numbers and dates out of range, a declared precision)
            limit.check(value).ifPresent(v -> errors.add(new FieldError(attribute.name(), v.message(), v.code())));
            return value;
        }
    }

    /** An attribute by name, or a belongs_to key by its relationship's name; {@code null} when there is neither. */
    public static AttributeModel resolve(ResourceModel resource, String field) {
        return resource.attributeOrKey(field).orElse(null);
    }

    private static void throwIfAny(ResourceModel resource, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidException(resource.name(), errors);
        }
    }
}
