package io.ashspring.runtime;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ashspring.sql.ScrollStatement;
import io.ashspring.type.AttributeType;

/**
 * The keyset position of a row: the values of its sort keys, in forms that any JSON codec carries
 * exactly, so that a position sent to a client and back finds the same row (a position that is a
 * hair off repeats or skips rows, and a window of one never ends):
 *
 * <ul>
 * <li>a {@code numeric} value as its decimal text ({@code "1.00000000000000000001"}: JSON readers
 *     make numbers with a fraction doubles);</li>
 * <li>dates and times as ISO text with every fraction digit (a mapper may write them as numbers);
 *     UUIDs as text, bytes as base64, enums as their stored name;</li>
 * <li>a {@code real} as the double it widens to exactly (JSON would print the float's shortest
 *     text, another double);</li>
 * <li>integers, doubles, booleans and text as they are;</li>
 * <li>an expression's value (a sort key that is no attribute, aggregate or calculation) as
 *     PostgreSQL's text of it, which the next window binds untyped so PostgreSQL reads it back as
 *     the expression's own type.</li>
 * </ul>
 *
 * Each value is converted back to its key's type when the next window binds it.
 */
final class KeysetPositions {

    private KeysetPositions() {
    }

    /** The position of the current row of a keyset window's result. */
    static Map<String, Object> read(ScrollStatement statement, ResultSet rs) throws SQLException {
        List<String> names = statement.keyNames();
        List<AttributeType> types = statement.keyTypes();
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            int column = statement.firstKeyColumn() + i;
            AttributeType type = types.get(i);
            keys.put(names.get(i), type != null ? exact(type, type.read(rs, column)) : rs.getString(column));
        }
        return keys;
    }

    private static Object exact(AttributeType type, Object value) {
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigDecimal || value instanceof Temporal || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Enum<?>) {
            return type.toJdbc(value); // its stored name
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }
}
