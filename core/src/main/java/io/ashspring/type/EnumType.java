package io.ashspring.type;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Java enum stored as text: the constant's name in lower case ({@code IN_PROGRESS} → {@code
 * in_progress}), as AshPostgres stores atoms, so that SQL in checks and filters reads naturally.
 */
final class EnumType implements AttributeType {

    private final Class<? extends Enum<?>> enumType;
    private final String sqlType;
    private final Map<String, Enum<?>> byStoredName = new HashMap<>();

    EnumType(Class<? extends Enum<?>> enumType, String sqlType) {
        this.enumType = enumType;
        this.sqlType = sqlType;
        for (Enum<?> constant : enumType.getEnumConstants()) {
            byStoredName.put(storedName(constant), constant);
        }
    }

    static String storedName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The stored names of all constants, in declaration order. */
    java.util.List<String> storedNames() {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(EnumType::storedName).toList();
    }

    @Override
    public Class<?> javaType() {
        return enumType;
    }

    @Override
    public String sqlType() {
        return sqlType;
    }

    @Override
    public int jdbcType() {
        return Types.VARCHAR;
    }

    @Override
    public Object toJdbc(Object value) {
        return storedName((Enum<?>) value);
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : fromText(text);
    }

    @Override
    public Object coerce(Object input) {
        if (input == null || enumType.isInstance(input)) {
            return input;
        }
        if (input instanceof CharSequence text) {
            return fromText(text.toString());
        }
        throw new IllegalArgumentException("expected one of " + storedNames());
    }

    private Enum<?> fromText(String text) {
        Enum<?> constant = byStoredName.get(text.toLowerCase(Locale.ROOT));
        if (constant == null) {
            throw new IllegalArgumentException("expected one of " + storedNames());
        }
        return constant;
    }

    @Override
    public String toString() {
        return enumType.getSimpleName() + " as " + sqlType;
    }
}
