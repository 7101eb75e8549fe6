package io.ashspring.expr;

import java.util.Locale;

/** The PostgreSQL types an expression can be cast to; a closed list, so no type name is ever free text. */
public enum CastType {
    /** {@code text}; also named {@code string}. */
    TEXT("text", "string"),
    /** {@code integer}. */
    INTEGER("integer", "int"),
    /** {@code bigint}. */
    BIGINT("bigint", "long"),
    /** {@code numeric}; also named {@code decimal}. */
    NUMERIC("numeric", "decimal"),
    /** {@code double precision}; also named {@code float}. */
    DOUBLE("double precision", "float"),
    /** {@code boolean}. */
    BOOLEAN("boolean", "bool"),
    /** {@code date}. */
    DATE("date", "date"),
    /** {@code time}. */
    TIME("time", "time"),
    /** {@code timestamp} (without time zone); also named {@code naive_datetime}. */
    TIMESTAMP("timestamp", "naive_datetime"),
    /** {@code timestamptz}; also named {@code utc_datetime} and {@code datetime}. */
    TIMESTAMPTZ("timestamptz", "utc_datetime"),
    /** {@code uuid}. */
    UUID("uuid", "uuid"),
    /** {@code jsonb}; also named {@code map}. */
    JSONB("jsonb", "map"),
    /** {@code interval}. */
    INTERVAL("interval", "duration");

    private final String sql;
    private final String alias;

    CastType(String sql, String alias) {
        this.sql = sql;
        this.alias = alias;
    }

    /** The type in SQL: {@code double precision}. */
    public String sql() {
        return sql;
    }

    /**
     * The type named {@code integer}, {@code INTEGER}, {@code int} or {@code double_precision}...
     *
     * @throws IllegalArgumentException naming the types when there is none
     */
    public static CastType of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (wanted.equals("datetime")) {
            return TIMESTAMPTZ;
        }
        for (CastType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(wanted) || type.sql.replace(' ', '_').equals(wanted)
                    || type.alias.equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("cannot cast to '" + name + "' (types: text, integer, bigint, numeric, "
                + "double, boolean, date, time, timestamp, timestamptz, uuid, jsonb, interval)");
    }
}
