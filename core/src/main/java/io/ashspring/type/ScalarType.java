package io.ashspring.type;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/** A type read and bound by a pair of functions: numbers, strings, UUIDs, dates and times. */
final class ScalarType implements AttributeType {

    /** Reads one column of a row. */
    @FunctionalInterface
    interface ColumnReader {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    enum Kind { TEXT, NUMERIC, OTHER }

    private final Class<?> javaType;
    private final String sqlType;
    private final int jdbcType;
    private final Kind kind;
    private final Function<Object, Object> toJdbc;
    private final ColumnReader reader;
    private final Function<Object, Object> coercion;

    ScalarType(Class<?> javaType, String sqlType, int jdbcType, Kind kind, Function<Object, Object> toJdbc,
               ColumnReader reader, Function<Object, Object> coercion) {
        this.javaType = javaType;
        this.sqlType = sqlType;
        this.jdbcType = jdbcType;
        this.kind = kind;
        this.toJdbc = toJdbc;
        this.reader = reader;
        this.coercion = coercion;
    }

    /** The same type stored under another column type (varchar(n), citext, an explicit override). */
    ScalarType withSqlType(String newSqlType, int newJdbcType) {
        return new ScalarType(javaType, newSqlType, newJdbcType, kind, toJdbc, reader, coercion);
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public String sqlType() {
        return sqlType;
    }

    @Override
    public int jdbcType() {
        return jdbcType;
    }

    @Override
    public Object toJdbc(Object value) {
        return toJdbc.apply(value);
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        Object value = reader.read(rs, index);
        return rs.wasNull() ? null : value;
    }

    @Override
    public Object coerce(Object input) {
        if (input == null || javaType.isInstance(input)) {
            return input;
        }
        return coercion.apply(input);
    }

    @Override
    public boolean isText() {
        return kind == Kind.TEXT;
    }

    @Override
    public boolean isNumeric() {
        return kind == Kind.NUMERIC;
    }

    @Override
    public String toString() {
        return javaType.getSimpleName() + " as " + sqlType;
    }
}
