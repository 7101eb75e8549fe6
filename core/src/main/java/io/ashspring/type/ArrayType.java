package io.ashspring.type;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/** A {@code List<T>} stored as a PostgreSQL array of the element's type ({@code text[]}, {@code uuid[]}...). */
final class ArrayType implements AttributeType {

    private final AttributeType element;
    private final String elementSqlType;

    ArrayType(AttributeType element) {
        this.element = element;
        String sql = element.sqlType();
        // createArrayOf wants the base type name, without a length or precision
        int paren = sql.indexOf('(');
        this.elementSqlType = paren < 0 ? sql : sql.substring(0, paren);
    }

    /** The element type. */
    AttributeType element() {
        return element;
    }

    @Override
    public Class<?> javaType() {
        return List.class;
    }

    @Override
    public String sqlType() {
        return element.sqlType() + "[]";
    }

    @Override
    public int jdbcType() {
        return Types.ARRAY;
    }

    @Override
    public Object toJdbc(Object value) {
        List<?> list = (List<?>) value;
        Object[] elements = new Object[list.size()];
        for (int i = 0; i < elements.length; i++) {
            Object item = list.get(i);
            elements[i] = item == null ? null : element.toJdbc(item);
        }
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection con, int sqlType, String typeName) throws SQLException {
                return con.createArrayOf(elementSqlType, elements);
            }
        };
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            Object[] raw = (Object[]) array.getArray();
            List<Object> values = new ArrayList<>(raw.length);
            for (Object item : raw) {
                values.add(element.coerce(item));
            }
            return Collections.unmodifiableList(values);
        } finally {
            array.free();
        }
    }

    @Override
    public Object coerce(Object input) {
        if (input == null) {
            return null;
        }
        if (!(input instanceof Collection<?> items)) {
            throw new IllegalArgumentException("expected a list");
        }
        List<Object> values = new ArrayList<>(items.size());
        for (Object item : items) {
            values.add(element.coerce(item));
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public boolean isList() {
        return true;
    }

    @Override
    public String toString() {
        return "List<" + element.javaType().getSimpleName() + "> as " + sqlType();
    }
}
