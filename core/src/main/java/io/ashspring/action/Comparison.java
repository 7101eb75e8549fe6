package io.ashspring.action;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.ashspring.error.FieldError;

/**
 * A field compared with bounds, from {@link Validations#compare}: each bound adds a check; a
 * field without a value passes. Codes {@code greater_than}, {@code greater_than_or_equal},
 * {@code less_than}, {@code less_than_or_equal}.
 *
 * @param field the argument or attribute compared
 * @param bounds the checks, in the order added
 * @param <T> the resource's record type
 */
public record Comparison<T>(String field, List<Bound> bounds) implements Validation<T> {

    /** One bound: an operator and the value compared with. */
    public record Bound(String operator, String code, Object value) {
    }

    /** Canonical constructor: copies the bounds. */
    public Comparison {
        bounds = List.copyOf(bounds);
    }

    /** The value must be greater than {@code value}. */
    public Comparison<T> greaterThan(Object value) {
        return with(new Bound("greater than", "greater_than", value));
    }

    /** The value must be greater than or equal to {@code value}. */
    public Comparison<T> greaterThanOrEqual(Object value) {
        return with(new Bound("greater than or equal to", "greater_than_or_equal", value));
    }

    /** The value must be less than {@code value}. */
    public Comparison<T> lessThan(Object value) {
        return with(new Bound("less than", "less_than", value));
    }

    /** The value must be less than or equal to {@code value}. */
    public Comparison<T> lessThanOrEqual(Object value) {
        return with(new Bound("less than or equal to", "less_than_or_equal", value));
    }

    private Comparison<T> with(Bound bound) {
        List<Bound> next = new ArrayList<>(bounds);
        next.add(bound);
        return new Comparison<>(field, next);
    }

    @Override
    public List<FieldError> validate(ActionChangeset<T> changeset, ActionContext context) {
        Object value = changeset.value(field);
        if (value == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>(1);
        for (Bound bound : bounds) {
            int order = compare(value, bound.value() instanceof Number ? bound.value() : changeset.convert(field, bound.value()));
            boolean holds = switch (bound.code()) {
                case "greater_than" -> order > 0;
                case "greater_than_or_equal" -> order >= 0;
                case "less_than" -> order < 0;
                default -> order <= 0;
            };
            if (!holds) {
                errors.add(new FieldError(field, "must be " + bound.operator() + " " + Validations.describe(List.of(bound.value())),
                        bound.code()));
            }
        }
        return errors;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object value, Object bound) {
        if (value instanceof Number number && bound instanceof Number other) {
            return decimal(number).compareTo(decimal(other));
        }
        if (value instanceof Comparable comparable && value.getClass().isInstance(bound)) {
            return comparable.compareTo(bound);
        }
        throw new IllegalArgumentException("compare(\"" + field + "\") cannot compare " + value.getClass().getSimpleName()
                + " with " + bound.getClass().getSimpleName());
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }
}
