package io.ashspring.type;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.ashspring.type.ScalarType.Kind;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that maps Java types to PostgreSQL types: {@code UUID} → {@code uuid},
 * {@code String} → {@code text} ({@code varchar(n)}, {@code citext}), integers, {@code BigDecimal}
 * → {@code numeric(p,s)}, booleans, floating point, {@code Instant}/{@code OffsetDateTime} →
 * {@code timestamptz}, {@code LocalDate}/{@code LocalTime}/{@code LocalDateTime}, {@code byte[]} →
 * {@code bytea}, enums → {@code text}, {@code Map} and records → {@code jsonb}, {@code List<T>} →
 * arrays.
 */
public final class TypeRegistry {

    private final ObjectMapper jsonMapper;
    private final Map<Class<?>, ScalarType> scalars = new LinkedHashMap<>();

    /** A registry whose jsonb values are converted by a default {@link JsonMapper}. */
    public TypeRegistry() {
        this(JsonMapper.builder().build());
    }

    /** A registry whose jsonb values are converted by the given mapper. */
    public TypeRegistry(ObjectMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        registerScalars();
    }

    /**
     * The type of a record component.
     *
     * @param type the component's generic type
     * @param options what the declaration says about storage
     * @throws UnsupportedTypeException naming the type and what is supported
     */
    public AttributeType resolve(Type type, TypeOptions options) {
        AttributeType base = resolveBase(type, options);
        if (options.columnType() != null && !options.columnType().isBlank()) {
            return overridden(base, options.columnType().trim());
        }
        return base;
    }

    private AttributeType resolveBase(Type type, TypeOptions options) {
        if (type instanceof Class<?> raw) {
            if (raw.isPrimitive()) {
                throw new UnsupportedTypeException("primitive " + raw.getName()
                        + " cannot hold null (a value not yet loaded or generated): use its wrapper type");
            }
            ScalarType scalar = scalars.get(raw);
            if (scalar != null) {
                return sized(scalar, options);
            }
            if (raw.isEnum()) {
                @SuppressWarnings("unchecked")
                Class<? extends Enum<?>> enumType = (Class<? extends Enum<?>>) raw;
                return new EnumType(enumType, "text");
            }
            if (raw.isRecord() || Map.class.isAssignableFrom(raw)) {
                return new JsonType(jsonMapper, jsonMapper.getTypeFactory().constructType(raw));
            }
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            if (Map.class.isAssignableFrom(raw)) {
                return new JsonType(jsonMapper, jsonMapper.getTypeFactory().constructType(type));
            }
            if (raw == List.class) {
                Type elementType = parameterized.getActualTypeArguments()[0];
                AttributeType element = resolveBase(elementType, options);
                if (element instanceof ArrayType || element instanceof JsonType || element.javaType() == byte[].class) {
                    throw new UnsupportedTypeException("List<" + element.javaType().getSimpleName()
                            + "> has no PostgreSQL array mapping: use a record or Map stored as jsonb");
                }
                return new ArrayType(element);
            }
        }
        throw new UnsupportedTypeException(type.getTypeName() + " is not a supported attribute type (supported: "
                + "UUID, String, Integer, Long, Short, BigDecimal, Boolean, Double, Float, Instant, OffsetDateTime, "
                + "LocalDate, LocalTime, LocalDateTime, byte[], enums, Map and records as jsonb, List<T> of these as arrays)");
    }

    private AttributeType sized(ScalarType scalar, TypeOptions options) {
        if (scalar.javaType() == String.class) {
            if (options.citext()) {
                // bound as an untyped parameter so that PostgreSQL compares it as citext, not text
                return scalar.withSqlType("citext", Types.OTHER);
            }
            if (options.varchar() > 0) {
                return scalar.withSqlType("varchar(" + options.varchar() + ")", Types.VARCHAR);
            }
        }
        if (scalar.javaType() == BigDecimal.class && options.precision() > 0) {
            String sql = options.scale() >= 0
                    ? "numeric(" + options.precision() + "," + options.scale() + ")"
                    : "numeric(" + options.precision() + ")";
            return scalar.withSqlType(sql, Types.NUMERIC);
        }
        return scalar;
    }

    private AttributeType overridden(AttributeType base, String columnType) {
        if (base instanceof ScalarType scalar) {
            return scalar.withSqlType(columnType, scalar.jdbcType());
        }
        return new OverriddenType(base, columnType);
    }

    private void registerScalars() {
        scalar(UUID.class, "uuid", Types.OTHER, Kind.OTHER, Function.identity(),
                (rs, i) -> rs.getObject(i, UUID.class), TypeRegistry::uuid);
        scalar(String.class, "text", Types.VARCHAR, Kind.TEXT, Function.identity(),
                (rs, i) -> rs.getString(i), in -> {
                    if (in instanceof CharSequence || in instanceof Number || in instanceof Boolean) {
                        return in.toString();
                    }
                    throw new IllegalArgumentException("expected text");
                });
        scalar(Integer.class, "integer", Types.INTEGER, Kind.NUMERIC, Function.identity(),
                (rs, i) -> rs.getInt(i), in -> integral(in, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
        scalar(Long.class, "bigint", Types.BIGINT, Kind.NUMERIC, Function.identity(),
                (rs, i) -> rs.getLong(i), in -> integral(in, Long.MIN_VALUE, Long.MAX_VALUE).longValue());
        scalar(Short.class, "smallint", Types.SMALLINT, Kind.NUMERIC, Function.identity(),
                (rs, i) -> rs.getShort(i), in -> integral(in, Short.MIN_VALUE, Short.MAX_VALUE).shortValue());
        scalar(BigDecimal.class, "numeric", Types.NUMERIC, Kind.NUMERIC, TypeRegistry::decimalToJdbc,
                (rs, i) -> rs.getBigDecimal(i), TypeRegistry::decimal);
        scalar(Boolean.class, "boolean", Types.BOOLEAN, Kind.OTHER, Function.identity(),
                (rs, i) -> rs.getBoolean(i), in -> {
                    String text = text(in, "true or false");
                    if (text.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (text.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    throw new IllegalArgumentException("expected true or false");
                });
        scalar(Double.class, "double precision", Types.DOUBLE, Kind.NUMERIC, Function.identity(),
                (rs, i) -> rs.getDouble(i), in -> floating(in, Double.MAX_VALUE));
        scalar(Float.class, "real", Types.REAL, Kind.NUMERIC, Function.identity(),
                (rs, i) -> rs.getFloat(i), in -> (float) floating(in, Float.MAX_VALUE));
        scalar(Instant.class, "timestamptz", Types.TIMESTAMP_WITH_TIMEZONE, Kind.OTHER, TypeRegistry::instantToJdbc,
                (rs, i) -> {
                    OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                    return value == null ? null : value.toInstant();
                }, TypeRegistry::instant);
        scalar(OffsetDateTime.class, "timestamptz", Types.TIMESTAMP_WITH_TIMEZONE, Kind.OTHER, Function.identity(),
                (rs, i) -> rs.getObject(i, OffsetDateTime.class), TypeRegistry::offsetDateTime);
        scalar(LocalDate.class, "date", Types.DATE, Kind.OTHER, Function.identity(),
                (rs, i) -> rs.getObject(i, LocalDate.class), in -> {
                    if (in instanceof java.sql.Date date) {
                        return date.toLocalDate();
                    }
                    return parse(in, LocalDate::parse, "a date (2024-01-31)");
                });
        scalar(LocalTime.class, "time", Types.TIME, Kind.OTHER, Function.identity(),
                (rs, i) -> rs.getObject(i, LocalTime.class), in -> parse(in, LocalTime::parse, "a time (13:45:00)"));
        scalar(LocalDateTime.class, "timestamp", Types.TIMESTAMP, Kind.OTHER, Function.identity(),
                (rs, i) -> rs.getObject(i, LocalDateTime.class),
                in -> parse(in, LocalDateTime::parse, "a date and time (2024-01-31T13:45:00)"));
        scalar(byte[].class, "bytea", Types.BINARY, Kind.OTHER, Function.identity(),
                (rs, i) -> rs.getBytes(i), in -> {
                    try {
                        return Base64.getDecoder().decode(text(in, "base64 text"));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("expected base64 text");
                    }
                });
    }

    private void scalar(Class<?> type, String sql, int jdbc, Kind kind, Function<Object, Object> toJdbc,
                        ScalarType.ColumnReader reader, Function<Object, Object> coercion) {
        scalars.put(type, new ScalarType(type, sql, jdbc, kind, toJdbc, reader, coercion));
    }

    private static String text(Object in, String expected) {
        if (in instanceof CharSequence text) {
            try {
                return text.toString().trim();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("expected " + expected);
            }
        }
        if (in instanceof Boolean || in instanceof Number) {
            return in.toString();
        }
        throw new IllegalArgumentException("expected " + expected);
    }

    private static UUID uuid(Object in) {
        try {
            return UUID.fromString(text(in, "a UUID"));
        } catch (IllegalArgumentException e) {
            // UUID.fromString's message repeats the input, which may be sensitive
            throw new IllegalArgumentException("expected a UUID");
        }
    }

    private static BigDecimal decimal(Object in) {
        if (in instanceof BigDecimal d) {
            return d;
        }
        if (in instanceof Double || in instanceof Float) {
            return BigDecimal.valueOf(((Number) in).doubleValue());
        }
        if (in instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(text(in, "a number"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number");
        }
    }

    /**
     * A double (or float) from loose input; {@code NaN} and {@code ±Infinity} as text too (JSON
     * writes them so). A finite number too large for the type is refused, not made infinite.
     */
    private static double floating(Object in, double max) {
        String special = in instanceof CharSequence text ? text.toString().trim() : "";
        if (special.equals("NaN") || special.matches("[+-]?Infinity")) {
            return Double.parseDouble(special);
        }
        boolean floating = in instanceof Double || in instanceof Float;
        double value = floating ? ((Number) in).doubleValue() : decimal(in).doubleValue();
        // an infinite double stays infinite; a finite number too large for the type is refused
        if (!(floating && Double.isInfinite(value)) && Math.abs(value) > max) {
            throw new IllegalArgumentException("must be between " + -max + " and " + max);
        }
        return value;
    }

    /**
     * A decimal as pgjdbc binds it exactly: trailing zeros past PostgreSQL's largest scale are
     * dropped (the same number, which PostgreSQL could not take with that scale).
     */
    private static Object decimalToJdbc(Object value) {
        BigDecimal decimal = (BigDecimal) value;
        return decimal.scale() > ValueLimits.NUMERIC_MAX_SCALE ? decimal.stripTrailingZeros() : decimal;
    }

    /** An instant as a timestamptz; pgjdbc's stand-ins for {@code ±infinity} (read as instants) go back as such. */
    private static Object instantToJdbc(Object value) {
        Instant instant = (Instant) value;
        if (ValueLimits.isInfinity(instant)) {
            return instant.equals(OffsetDateTime.MAX.toInstant()) ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object in) {
        if (in instanceof CharSequence text) {
            try {
                // beyond OffsetDateTime's years (the instant pgjdbc reads infinity as): only Instant parses it
                return Instant.parse(text.toString().trim());
            } catch (DateTimeParseException e) {
                // an offset other than Z: below
            }
        }
        return offsetDateTime(in).toInstant();
    }

    private static BigInteger integral(Object in, long min, long max) {
        BigDecimal value = decimal(in);
        BigInteger whole;
        try {
            whole = value.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return whole;
    }

    private static OffsetDateTime offsetDateTime(Object in) {
        if (in instanceof OffsetDateTime odt) {
            return odt;
        }
        if (in instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (in instanceof ZonedDateTime zdt) {
            return zdt.toOffsetDateTime();
        }
        return parse(in, OffsetDateTime::parse, "a timestamp with offset (2024-01-31T13:45:00Z)");
    }

    private static <T> T parse(Object in, Function<String, T> parser, String expected) {
        try {
            return parser.apply(text(in, expected));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }
}
