package io.ashspring.sql;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.SqlParameterValue;

import io.ashspring.type.AttributeType;

/** The render context: appends SQL text and collects bind values in the same pass, in order. */
final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder(128);
    private final List<Object> binds = new ArrayList<>();

    SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    SqlBuilder identifier(String name) {
        sql.append(SqlIdentifiers.quote(name));
        return this;
    }

    /** Appends a placeholder bound to a value of a known attribute type. */
    SqlBuilder bind(AttributeType type, Object value) {
        sql.append('?');
        binds.add(value == null ? new SqlParameterValue(type.jdbcType() == Types.ARRAY ? Types.ARRAY : Types.OTHER, null)
                : new SqlParameterValue(type.jdbcType(), type.toJdbc(value)));
        return this;
    }

    /** Appends a placeholder bound to a value whose type the driver infers. */
    SqlBuilder bindRaw(Object value) {
        sql.append('?');
        binds.add(value);
        return this;
    }

    RenderedSql build() {
        return new RenderedSql(sql.toString(), binds);
    }
}
