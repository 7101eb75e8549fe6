package io.ashspring.type;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import org.postgresql.util.PGobject;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/** A {@code Map} or a record stored as {@code jsonb}, converted with Jackson. */
final class JsonType implements AttributeType {

    private final ObjectMapper mapper;
    private final JavaType javaType;

    JsonType(ObjectMapper mapper, JavaType javaType) {
        this.mapper = mapper;
        this.javaType = javaType;
    }

    @Override
    public Class<?> javaType() {
        return javaType.getRawClass();
    }

    @Override
    public String sqlType() {
        return "jsonb";
    }

    @Override
    public int jdbcType() {
        return Types.OTHER;
    }

    @Override
    public Object toJdbc(Object value) {
        PGobject json = new PGobject();
        json.setType("jsonb");
        try {
            json.setValue(text(value));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return json;
    }

    /** The JSON text of a value, as it is bound. */
    String text(Object value) {
        return mapper.writeValueAsString(value);
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : mapper.readValue(text, javaType);
    }

    @Override
    public Object coerce(Object input) {
        if (input == null || javaType.getRawClass().isInstance(input) && !javaType.isContainerType()) {
            return input;
        }
        try {
            return mapper.convertValue(input, javaType);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot be read as " + javaType.getRawClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return javaType + " as jsonb";
    }
}
