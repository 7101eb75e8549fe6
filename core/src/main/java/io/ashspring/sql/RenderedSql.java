package io.ashspring.sql;

import java.util.List;

/**
 * What leaves the SQL compiler: statement text with {@code ?} placeholders and the values bound
 * to them, in order. Nothing else in the product builds SQL.
 *
 * @param sql the statement
 * @param binds the parameters ({@link org.springframework.jdbc.core.SqlParameterValue}s with their JDBC type)
 */
public record RenderedSql(String sql, List<Object> binds) {

    /** Canonical constructor: copies the binds (which may contain nulls). */
    public RenderedSql {
        binds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(binds));
    }

    @Override
    public String toString() {
        return sql + " " + binds.size() + " binds";
    }
}
