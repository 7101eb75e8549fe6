package io.ashspring.type;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One attribute type: how a Java value is stored in PostgreSQL, bound to a statement, read from a
 * row, and converted from loose input (JSON maps, text defaults). Instances come from
 * {@link TypeRegistry}; they are immutable and shared.
 */
public interface AttributeType {

    /** The Java type of record components of this type (the raw class). */
    Class<?> javaType();

    /** The PostgreSQL column type, e.g. {@code text}, {@code numeric(10,2)}, {@code uuid[]}. */
    String sqlType();

    /** The {@link java.sql.Types} code used to bind a null of this type. */
    int jdbcType();

    /** The value handed to the JDBC driver for a non-null Java value. */
    Object toJdbc(Object value);

    /** Reads the column at {@code index} (1-based); {@code null} for SQL NULL. */
    Object read(ResultSet rs, int index) throws SQLException;

    /**
     * Converts loose input (a {@code String} for a UUID, an {@code Integer} for a {@code Long}, a
     * {@code Map} for a record stored as jsonb...) to the Java type.
     *
     * @throws IllegalArgumentException with a short reason when the input cannot be converted
     */
    Object coerce(Object input);

    /** Whether the type is text-like (length constraints, {@code match}, {@code oneOf} apply). */
    default boolean isText() {
        return false;
    }

    /** Whether the type is numeric ({@code min}/{@code max} apply). */
    default boolean isNumeric() {
        return false;
    }

    /** Whether the type is a list (length constraints apply to its size). */
    default boolean isList() {
        return false;
    }
}
