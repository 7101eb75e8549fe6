package io.ashspring.type;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A type whose column type was overridden by the declaration; binding and reading are unchanged. */
final class OverriddenType implements AttributeType {

    private final AttributeType base;
    private final String sqlType;

    OverriddenType(AttributeType base, String sqlType) {
        this.base = base;
        this.sqlType = sqlType;
    }

    /** The type as the Java type alone maps it. */
    AttributeType base() {
        return base;
    }

    @Override
    public Class<?> javaType() {
        return base.javaType();
    }

    @Override
    public String sqlType() {
        return sqlType;
    }

    @Override
    public int jdbcType() {
        return base.jdbcType();
    }

    @Override
    public Object toJdbc(Object value) {
        return base.toJdbc(value);
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        return base.read(rs, index);
    }

    @Override
    public Object coerce(Object input) {
        return base.coerce(input);
    }

    @Override
    public boolean isText() {
        return base.isText();
    }

    @Override
    public boolean isNumeric() {
        return base.isNumeric();
    }

    @Override
    public boolean isList() {
        return base.isList();
    }
}
