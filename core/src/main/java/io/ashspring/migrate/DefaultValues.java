package io.ashspring.migrate;

import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import io.ashspring.resource.model.AttributeModel;

/** Renders an attribute's default as column-default SQL: verbatim SQL defaults, or a safely quoted literal. */
final class DefaultValues {

    private DefaultValues() {
    }

    /** The column default, or {@code null} when PostgreSQL should not fill the column. */
    static String sql(AttributeModel attribute) {
        if (attribute.sqlDefault() != null) {
            return attribute.sqlDefault();
        }
        Object value = attribute.defaultValue();
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return literal(constant.name().toLowerCase(Locale.ROOT));
        }
        if (value instanceof CharSequence || value instanceof TemporalAccessor || value instanceof java.util.UUID) {
            return literal(value.toString());
        }
        return null; // jsonb, arrays, bytes: applied by Java on create only
    }

    /** A string literal with quotes doubled: never breaks out of the literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
