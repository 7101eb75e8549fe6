package io.ashspring.type;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Constraints of one attribute, checked in Java before any SQL runs.
 *
 * @param minLength minimum length of text or size of a list, or -1
 * @param maxLength maximum length of text or size of a list, or -1
 * @param match a pattern the whole text must match, or {@code null}
 * @param min the smallest allowed number, or {@code null}
 * @param max the largest allowed number, or {@code null}
 * @param oneOf the allowed texts, empty for any
 */
public record AttributeConstraints(int minLength, int maxLength, Pattern match, BigDecimal min, BigDecimal max,
                                   List<String> oneOf) {

    /** No constraints. */
    public static final AttributeConstraints NONE = new AttributeConstraints(-1, -1, null, null, null, List.of());

    /** A violated constraint: its message and a stable code. */
    public record Violation(String message, String code) {
    }

    /** Canonical constructor: copies the list. */
    public AttributeConstraints {
        oneOf = List.copyOf(oneOf);
    }

    /** Whether there is anything to check. */
    public boolean isEmpty() {
        return minLength < 0 && maxLength < 0 && match == null && min == null && max == null && oneOf.isEmpty();
    }

    /** The violations of a non-null value; empty when it is valid. */
    public List<Violation> check(Object value) {
        if (value == null || isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>(1);
        int length = value instanceof CharSequence text ? text.toString().codePointCount(0, text.length())
                : value instanceof Collection<?> list ? list.size() : -1;
        if (length >= 0) {
            String unit = value instanceof CharSequence ? " characters" : " items";
            if (minLength >= 0 && length < minLength) {
                violations.add(new Violation("must be at least " + minLength + unit + " long", "min_length"));
            }
            if (maxLength >= 0 && length > maxLength) {
                violations.add(new Violation("must be at most " + maxLength + unit + " long", "max_length"));
            }
        }
        if (value instanceof CharSequence text) {
            if (match != null && !match.matcher(text).matches()) {
                violations.add(new Violation("must match the pattern " + match.pattern(), "match"));
            }
            if (!oneOf.isEmpty() && !oneOf.contains(text.toString())) {
                violations.add(new Violation("must be one of " + String.join(", ", oneOf), "one_of"));
            }
        }
        if (value instanceof Number number && (min != null || max != null)) {
            BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
            if (min != null && decimal.compareTo(min) < 0) {
                violations.add(new Violation("must be greater than or equal to " + min.toPlainString(), "min"));
            }
            if (max != null && decimal.compareTo(max) > 0) {
                violations.add(new Violation("must be less than or equal to " + max.toPlainString(), "max"));
            }
        }
        return violations;
    }
}
