package io.ashspring.expr;

import java.util.Locale;

/** Units of time for {@code ago}, {@code from_now} and date arithmetic. */
public enum DateUnit {
    /** One second. */
    SECOND,
    /** One minute. */
    MINUTE,
    /** One hour. */
    HOUR,
    /** One day. */
    DAY,
    /** Seven days. */
    WEEK,
    /** One calendar month. */
    MONTH,
    /** One calendar year. */
    YEAR;

    /** The unit in expression text and in an SQL interval: {@code day}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The unit named {@code day} or {@code days} (any case).
     *
     * @throws IllegalArgumentException naming the units when there is none
     */
    public static DateUnit of(String name) {
        String singular = name.toLowerCase(Locale.ROOT);
        if (singular.endsWith("s")) {
            singular = singular.substring(0, singular.length() - 1);
        }
        for (DateUnit unit : values()) {
            if (unit.label().equals(singular)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unknown unit of time '" + name + "' (units: second, minute, hour, day, "
                + "week, month, year)");
    }
}
