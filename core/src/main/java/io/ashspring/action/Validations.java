package io.ashspring.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.ashspring.error.FieldError;

/**
 * The built-in validations, after Ash's: each reads a field (an argument of that name, else the
 * attribute: the value being written, or the record's current one) and reports a field error
 * with a stable code. A field without a value passes every check but {@link #present} (and
 * {@link #attributeEquals} and friends, which compare with it), as in Ash.
 *
 * <pre>{@code
 * spec.create("open")
 *     .validate(present("subject"))
 *     .validate(stringLength("subject").min(3).max(200))
 *     .validate(compare("priority").greaterThanOrEqual(0).lessThanOrEqual(10))
 *     .validate(present("representativeId").where(argumentEquals("urgent", true)));
 * }</pre>
 */
public final class Validations {

    private Validations() {
    }

    /** Every field has a value (not null; blank text counts as none). Code {@code present}. */
    public static <T> Validation<T> present(String... fields) {
        List<String> all = List.of(fields);
        return (changeset, context) -> all.stream().filter(f -> changeset.value(f) == null)
                .map(f -> new FieldError(f, "must be present", "present")).toList();
    }

    /** No field has a value. Code {@code absent}. */
    public static <T> Validation<T> absent(String... fields) {
        List<String> all = List.of(fields);
        return (changeset, context) -> all.stream().filter(f -> changeset.value(f) != null)
                .map(f -> new FieldError(f, "must be absent", "absent")).toList();
    }

    /**
     * Compares a field with bounds: {@code compare("priority").greaterThan(0).lessThanOrEqual(10)}.
     * Numbers compare by value whatever their class; other values ({@code Instant}, text) through
     * {@link Comparable}, after conversion to the field's type.
     */
    public static <T> Comparison<T> compare(String field) {
        return new Comparison<>(field, List.of());
    }

    /** Ash's older name for {@link #compare}. */
    public static <T> Comparison<T> numericality(String field) {
        return compare(field);
    }

    /** Text whose length in characters is within bounds: {@code stringLength("subject").min(3).max(200)}. */
    public static <T> StringLength<T> stringLength(String field) {
        return new StringLength<>(field, -1, -1);
    }

    /**
     * Text that matches a regular expression as a whole (as {@code @Attribute(match)} does). Code
     * {@code match}.
     *
     * @throws java.util.regex.PatternSyntaxException when the expression is invalid, at declaration
     */
    public static <T> Validation<T> match(String field, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return (changeset, context) -> {
            Object value = changeset.value(field);
            return value == null || pattern.matcher(value.toString()).matches() ? List.of()
                    : List.of(new FieldError(field, "must match the pattern " + regex, "match"));
        };
    }

    /** A value among the given ones (converted to the field's type). Code {@code one_of}. */
    public static <T> Validation<T> oneOf(String field, Object... values) {
        List<Object> allowed = List.of(values);
        return (changeset, context) -> {
            Object value = changeset.value(field);
            return value == null || contains(changeset, field, allowed, value) ? List.of()
                    : List.of(new FieldError(field, "must be one of " + describe(allowed), "one_of"));
        };
    }

    /** An attribute that equals a value (being written, or current). Code {@code equals}. */
    public static <T> Validation<T> attributeEquals(String attribute, Object value) {
        return (changeset, context) -> same(changeset, attribute, changeset.attribute(attribute), value)
                ? List.of() : List.of(new FieldError(attribute, "must equal " + describe(List.of(value)), "equals"));
    }

    /** An attribute that does not equal a value. Code {@code does_not_equal}. */
    public static <T> Validation<T> attributeDoesNotEqual(String attribute, Object value) {
        return (changeset, context) -> !same(changeset, attribute, changeset.attribute(attribute), value)
                ? List.of() : List.of(new FieldError(attribute, "must not equal " + describe(List.of(value)), "does_not_equal"));
    }

    /** An attribute whose value is among the given ones. Code {@code one_of}. */
    public static <T> Validation<T> attributeIn(String attribute, Object... values) {
        List<Object> allowed = List.of(values);
        return (changeset, context) -> contains(changeset, attribute, allowed, changeset.attribute(attribute)) ? List.of()
                : List.of(new FieldError(attribute, "must be one of " + describe(allowed), "one_of"));
    }

    /** An argument that equals a value. Code {@code equals}. */
    public static <T> Validation<T> argumentEquals(String argument, Object value) {
        return (changeset, context) -> same(changeset, argument, changeset.argument(argument), value)
                ? List.of() : List.of(new FieldError(argument, "must equal " + describe(List.of(value)), "equals"));
    }

    /** An argument whose value is among the given ones. Code {@code one_of}. */
    public static <T> Validation<T> argumentIn(String argument, Object... values) {
        List<Object> allowed = List.of(values);
        return (changeset, context) -> contains(changeset, argument, allowed, changeset.argument(argument)) ? List.of()
                : List.of(new FieldError(argument, "must be one of " + describe(allowed), "one_of"));
    }

    /** The action writes the attribute (from input or an earlier change). Code {@code changing}. */
    public static <T> Validation<T> changing(String attribute) {
        return (changeset, context) -> changeset.changing(attribute) ? List.of()
                : List.of(new FieldError(attribute, "must be changing", "changing"));
    }

    /**
     * Two fields with equal values ({@code confirm("password", "passwordConfirmation")}); the error is
     * on the confirmation. Code {@code confirm}.
     */
    public static <T> Validation<T> confirm(String field, String confirmation) {
        return (changeset, context) -> Objects.equals(changeset.value(field), changeset.value(confirmation)) ? List.of()
                : List.of(new FieldError(confirmation, "does not match " + field, "confirm"));
    }

    /** The action is one of these (by name); meant for {@code where}. Code {@code action_is}. */
    public static <T> Validation<T> actionIs(String... actions) {
        Set<String> names = Set.of(actions);
        return (changeset, context) -> names.contains(changeset.action()) ? List.of()
                : List.of(new FieldError("action", "must be one of " + String.join(", ", actions), "action_is"));
    }

    /**
     * Passes when {@code validation} fails, and fails with {@code message} on {@code field} when it
     * passes. Code {@code negate}.
     */
    public static <T> Validation<T> negate(Validation<? super T> validation, String field, String message) {
        return (changeset, context) -> passes(validation, changeset, context)
                ? List.of(new FieldError(field, message, "negate")) : List.of();
    }

    /**
     * Whether a validation finds no error. A validation declared for a supertype of the record
     * ({@code Validation<Object>}) may check a changeset of any record type: a changeset only hands
     * records out ({@link ActionChangeset#data()}) and takes consumers of them.
     */
    @SuppressWarnings("unchecked")
    static <T> boolean passes(Validation<? super T> validation, ActionChangeset<T> changeset, ActionContext context) {
        return ((Validation<T>) validation).validate(changeset, context).isEmpty();
    }

    private static boolean contains(ActionChangeset<?> changeset, String field, List<Object> allowed, Object value) {
        return allowed.stream().anyMatch(candidate -> same(changeset, field, value, candidate));
    }

    /** Whether a field's value equals a declared one, converted to the field's type (one that cannot be is not equal). */
    private static boolean same(ActionChangeset<?> changeset, String field, Object value, Object declared) {
        try {
            return Objects.equals(value, declared == null ? null : changeset.convert(field, declared));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Values as a message shows them: enums by their stored (lower-case) name. */
    static String describe(List<Object> values) {
        List<String> shown = new ArrayList<>();
        for (Object value : values) {
            shown.add(value instanceof Enum<?> constant ? constant.name().toLowerCase(java.util.Locale.ROOT)
                    : String.valueOf(value));
        }
        return shown.stream().collect(Collectors.joining(", "));
    }
}
