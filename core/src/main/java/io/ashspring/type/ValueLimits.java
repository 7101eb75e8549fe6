package io.ashspring.type;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ashspring.type.AttributeConstraints.Violation;

/**
 * The one place that knows which values PostgreSQL (through pgjdbc) cannot take, checked in Java
 * before a value is bound, so that bad input is a field error and never a server error or a
 * silently different value:
 *
 * <ul>
 * <li>the NUL character ({@code \u0000}) in text, in text arrays and anywhere in a jsonb value
 *     (PostgreSQL rejects it in {@code text} and in {@code jsonb} strings and keys);</li>
 * <li>numbers outside {@code numeric}'s range: more than {@value #NUMERIC_MAX_INTEGER_DIGITS} digits
 *     before the decimal point (pgjdbc would bind them as 0) or more than
 *     {@value #NUMERIC_MAX_SCALE} after it;</li>
 * <li>dates and timestamps outside PostgreSQL's range (4713 BC to 5874897 AD for {@code date}, to
 *     294276 AD for timestamps; pgjdbc would bind anything before 4713 BC as {@code -infinity}),
 *     except pgjdbc's own stand-ins for {@code ±infinity} ({@code LocalDate.MAX}, {@code MIN}...);</li>
 * <li>for a value written to a column: more digits than its declared {@code numeric(p,s)} allows
 *     (after rounding to {@code s} places, as PostgreSQL rounds), more characters than its
 *     {@code varchar(n)} allows, an integer outside a narrower column's range (a {@code Long} or
 *     {@code Integer} in a {@code smallint} or {@code integer} column);</li>
 * <li>for a {@code LIKE}/{@code ILIKE} pattern: an escape character {@code \} with nothing after it.</li>
 * </ul>
 *
 * <p>A comparison binds its value with the attribute's Java type but not its declared precision
 * ({@code numeric}, not {@code numeric(10,2)}), so {@code amount < 123456789012345} is valid and
 * true for every amount: only {@link #column} checks the declared precision.
 */
public final class ValueLimits {

    /** The most digits a {@code numeric} value has before the decimal point. */
    public static final int NUMERIC_MAX_INTEGER_DIGITS = 131072;
    /** The most digits a {@code numeric} value has after the decimal point. */
    public static final int NUMERIC_MAX_SCALE = 16383;

    /** The first day pgjdbc binds as a date (before it, {@code -infinity}): 1 January 4713 BC. */
    static final LocalDate FIRST_DATE = LocalDate.of(-4712, 1, 1);
    /** The last day of PostgreSQL's {@code date}. */
    static final LocalDate LAST_DATE = LocalDate.of(5874897, 12, 31);
    static final LocalDateTime FIRST_TIMESTAMP = FIRST_DATE.atStartOfDay();
    /** The first instant PostgreSQL's timestamps cannot hold once rounded to microseconds. */
    static final LocalDateTime PAST_LAST_TIMESTAMP = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_500);
    private static final Instant FIRST_INSTANT = FIRST_TIMESTAMP.toInstant(ZoneOffset.UTC);
    private static final Instant PAST_LAST_INSTANT = PAST_LAST_TIMESTAMP.toInstant(ZoneOffset.UTC);

    private static final Pattern NUMERIC = Pattern.compile(
            "\\s*(?:numeric|decimal)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern VARCHAR = Pattern.compile(
            "\\s*(?:varchar|character varying)\\s*\\(\\s*(\\d+)\\s*\\)\\s*", Pattern.CASE_INSENSITIVE);

    private ValueLimits() {
    }

    /**
     * The check of one column's values, worked out once from its type by {@link #column(AttributeType)}:
     * a bulk write checks thousands of values of the same column.
     */
    @FunctionalInterface
    public interface ColumnCheck {

        /** Finds nothing: every value of the type fits its column (a UUID, a boolean, an int in an integer column). */
        ColumnCheck NONE = value -> Optional.empty();

        /**
         * @param value a non-null value of the type's Java type
         * @return the violation, or empty when PostgreSQL can store the value as it is
         */
        Optional<Violation> check(Object value);
    }

    /**
     * What {@link #column(AttributeType, Object)} checks, with the type's declared length, precision
     * or integer range read once: the same result for every value, at a fraction of the cost when
     * many values of one column are checked.
     */
    public static ColumnCheck column(AttributeType type) {
        if (type instanceof OverriddenType overridden) {
            return column(overridden.base());
        }
        Class<?> javaType = type.javaType();
        String sqlType = type.sqlType();
        if (type instanceof ArrayType || type instanceof JsonType) {
            return value -> column(type, value);
        }
        if (javaType == String.class) {
            int length = varcharLength(sqlType);
            return length < 0 ? ValueLimits::scalar
                    : value -> scalar(value).or(() -> varchar((CharSequence) value, length, sqlType));
        }
        if (javaType == BigDecimal.class) {
            int[] declared = numericPrecision(sqlType);
            return declared == null ? value -> decimal((BigDecimal) value)
                    : value -> decimal((BigDecimal) value).or(() -> numeric((BigDecimal) value, declared[0], declared[1], sqlType));
        }
        if (javaType == Integer.class || javaType == Long.class || javaType == Short.class) {
            long[] range = integerRange(sqlType);
            boolean fits = range == null || javaType == Short.class
                    || javaType == Integer.class && range[1] >= Integer.MAX_VALUE;
            return fits ? ColumnCheck.NONE : value -> integer((Number) value, range, sqlType);
        }
        if (javaType == UUID.class || javaType == Boolean.class || javaType == Double.class || javaType == Float.class
                || javaType.isEnum()) {
            return ColumnCheck.NONE;
        }
        return value -> column(type, value);
    }

    /**
     * What is wrong with storing a value in a column of a type: everything {@link #parameter(AttributeType, Object)}
     * finds, and the column's declared precision or length.
     *
     * @param value a value of the type's Java type (as {@link AttributeType#coerce} returns it)
     * @return the violation, or empty when PostgreSQL can store the value as it is
     */
    public static Optional<Violation> column(AttributeType type, Object value) {
        return check(type, value, true);
    }

    /**
     * What is wrong with binding a value of a type as a parameter (a filter's value, a keyset
     * position): the NUL character, a number or a date outside PostgreSQL's range.
     */
    public static Optional<Violation> parameter(AttributeType type, Object value) {
        return check(type, value, false);
    }

    /** What is wrong with binding a value of no known attribute type (compared with an expression), by its Java class. */
    public static Optional<Violation> parameter(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return nested(value);
        }
        return scalar(value);
    }

    /**
     * What is wrong with a {@code LIKE} or {@code ILIKE} pattern (whose escape character is
     * {@code \}): what {@link #parameter(Object)} finds, and an escape with nothing after it, which
     * PostgreSQL rejects once a longer text is matched against it.
     */
    public static Optional<Violation> likePattern(String pattern) {
        Optional<Violation> text = scalar(pattern);
        if (text.isPresent()) {
            return text;
        }
        int trailing = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            trailing++;
        }
        if (trailing % 2 == 1) {
            return Optional.of(new Violation("must not end with the escape character \\ (write \\\\ to match a backslash)",
                    "invalid_pattern"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> check(AttributeType type, Object value, boolean column) {
        if (value == null) {
            return Optional.empty();
        }
        if (type instanceof OverriddenType overridden) {
            return check(overridden.base(), value, column);
        }
        if (type instanceof ArrayType array && value instanceof Collection<?> items) {
            for (Object item : items) {
                Optional<Violation> violation = check(array.element(), item, column);
                if (violation.isPresent()) {
                    return violation;
                }
            }
            return Optional.empty();
        }
        if (type instanceof JsonType json) {
            return hasNulEscape(json.text(value)) ? Optional.of(nul()) : Optional.empty();
        }
        Optional<Violation> violation = scalar(value);
        return violation.isPresent() || !column ? violation : declared(type.sqlType(), value);
    }

    /** A map or list compared with an expression: the text in it. */
    private static Optional<Violation> nested(Object value) {
        Iterable<?> items = value instanceof Map<?, ?> map
                ? java.util.stream.Stream.concat(map.keySet().stream(), map.values().stream()).toList()
                : (Collection<?>) value;
        for (Object item : items) {
            Optional<Violation> violation = parameter(item);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> scalar(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString().indexOf('\0') >= 0 ? Optional.of(nul()) : Optional.empty();
        }
        if (value instanceof Character c) {
            return c == '\0' ? Optional.of(nul()) : Optional.empty();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal(decimal);
        }
        if (value instanceof LocalDate date) {
            return date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)
                    || !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE) ? Optional.empty()
                    : outOfRange("4713 BC and 5874897 AD (PostgreSQL's date range)");
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.equals(LocalDateTime.MAX) || timestamp.equals(LocalDateTime.MIN) || inTimestampRange(timestamp)
                    ? Optional.empty() : timestampRange();
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.equals(OffsetDateTime.MAX) || timestamp.equals(OffsetDateTime.MIN)
                    || inTimestampRange(timestamp.toLocalDateTime())
                    && inTimestampRange(timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())
                    ? Optional.empty() : timestampRange();
        }
        if (value instanceof Instant instant) {
            return isInfinity(instant) || !instant.isBefore(FIRST_INSTANT) && instant.isBefore(PAST_LAST_INSTANT)
                    ? Optional.empty() : timestampRange();
        }
        return Optional.empty();
    }

    /** Whether an instant is what pgjdbc reads {@code ±infinity} as ({@code OffsetDateTime.MAX} or {@code MIN}). */
    static boolean isInfinity(Instant instant) {
        return instant.equals(OffsetDateTime.MAX.toInstant()) || instant.equals(OffsetDateTime.MIN.toInstant());
    }

    private static boolean inTimestampRange(LocalDateTime timestamp) {
        return !timestamp.isBefore(FIRST_TIMESTAMP) && timestamp.isBefore(PAST_LAST_TIMESTAMP);
    }

    private static Optional<Violation> decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return Optional.empty();
        }
        if ((long) stripped.precision() - stripped.scale() > NUMERIC_MAX_INTEGER_DIGITS) {
            return Optional.of(new Violation("must have at most " + NUMERIC_MAX_INTEGER_DIGITS
                    + " digits before the decimal point (PostgreSQL's numeric range)", "out_of_range"));
        }
        if (stripped.scale() > NUMERIC_MAX_SCALE) {
            return Optional.of(new Violation("must have at most " + NUMERIC_MAX_SCALE
                    + " digits after the decimal point (PostgreSQL's numeric range)", "out_of_range"));
        }
        return Optional.empty();
    }

    /**
     * The declared precision of {@code numeric(p,s)}, length of {@code varchar(n)}, and the range of
     * a {@code smallint} or {@code integer} column an integer of a wider Java type is written to.
     */
    private static Optional<Violation> declared(String sqlType, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            long[] range = integerRange(sqlType);
            return range == null ? Optional.empty() : integer((Number) value, range, sqlType);
        }
        if (sqlType.indexOf('(') < 0) {
            return Optional.empty(); // no declared precision or length: nothing to match (the common case, kept cheap)
        }
        if (value instanceof BigDecimal decimal) {
            int[] declared = numericPrecision(sqlType);
            return declared == null ? Optional.empty() : numeric(decimal, declared[0], declared[1], sqlType);
        }
        if (value instanceof CharSequence text) {
            int length = varcharLength(sqlType);
            return length < 0 ? Optional.empty() : varchar(text, length, sqlType);
        }
        return Optional.empty();
    }

    /** {@code {precision, scale}} of a {@code numeric(p,s)} type, or {@code null} when none is declared. */
    private static int[] numericPrecision(String sqlType) {
        Matcher numeric = NUMERIC.matcher(sqlType);
        if (sqlType.indexOf('(') < 0 || !numeric.matches()) {
            return null;
        }
        return new int[] {Integer.parseInt(numeric.group(1)), numeric.group(2) == null ? 0 : Integer.parseInt(numeric.group(2))};
    }

    /** The declared length of a {@code varchar(n)} type, or -1. */
    private static int varcharLength(String sqlType) {
        Matcher varchar = VARCHAR.matcher(sqlType);
        return sqlType.indexOf('(') >= 0 && varchar.matches() ? Integer.parseInt(varchar.group(1)) : -1;
    }

    /** {@code {min, max}} of a {@code smallint} or {@code integer} column, or {@code null} for other types. */
    private static long[] integerRange(String sqlType) {
        String name = sqlType.trim().toLowerCase(Locale.ROOT);
        if (name.equals("smallint") || name.equals("int2")) {
            return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
        }
        if (name.equals("integer") || name.equals("int") || name.equals("int4")) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        return null;
    }

    private static Optional<Violation> integer(Number value, long[] range, String sqlType) {
        long number = value.longValue();
        return number >= range[0] && number <= range[1] ? Optional.empty() : Optional.of(new Violation("must be between "
                + range[0] + " and " + range[1] + " (" + sqlType.trim() + ")", "out_of_range"));
    }

    private static Optional<Violation> numeric(BigDecimal decimal, int precision, int scale, String sqlType) {
        // PostgreSQL rounds half away from zero to the scale, then requires |value| < 10^(p - s)
        BigDecimal rounded = decimal.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.abs().compareTo(BigDecimal.ONE.scaleByPowerOfTen(precision - scale)) >= 0) {
            String digits = precision > scale && scale >= 0
                    ? "at most " + (precision - scale) + " digits before the decimal point"
                    : "an absolute value less than 10^" + (precision - scale);
            return Optional.of(new Violation("must have " + digits + " (" + sqlType.trim() + ")", "precision"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> varchar(CharSequence text, int length, String sqlType) {
        String string = text.toString();
        if (string.length() > length && string.codePointCount(0, string.length()) > length
                && !string.substring(string.offsetByCodePoints(0, length)).isBlank()) {
            // PostgreSQL cuts off trailing spaces beyond the length, and refuses anything else
            return Optional.of(new Violation("must be at most " + length + " characters long (" + sqlType.trim()
                    + ")", "max_length"));
        }
        return Optional.empty();
    }

    /** Whether JSON text holds the escape {@code \u0000} (not an escaped backslash followed by {@code u0000}). */
    private static boolean hasNulEscape(String json) {
        for (int at = json.indexOf("u0000"); at > 0; at = json.indexOf("u0000", at + 1)) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && json.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return json.indexOf('\0') >= 0;
    }

    private static Violation nul() {
        return new Violation("must not contain the NUL character (\\u0000), which PostgreSQL cannot store in text",
                "null_character");
    }

    private static Optional<Violation> outOfRange(String range) {
        return Optional.of(new Violation("must be between " + range, "out_of_range"));
    }

    private static Optional<Violation> timestampRange() {
        return outOfRange("4713 BC and 294276 AD (PostgreSQL's timestamp range)");
    }
}
