package io.ashspring.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What leaves the SQL compiler: statement text with {@code ?} placeholders and the values bound
 * to them, in order. Nothing else in the product builds SQL.
 *
 * @param sql the statement
 * @param binds the parameters ({@link org.springframework.jdbc.core.SqlParameterValue}s with their JDBC type)
 * @param extensions the PostgreSQL extensions the statement needs ({@code pg_trgm}, {@code vector}), for errors
 * @param features what in the statement needs them ({@code trigram_similarity}), for errors
 */
public record RenderedSql(String sql, List<Object> binds, List<String> extensions, List<String> features) {

    /** Canonical constructor: copies the binds (which may contain nulls) and the lists. */
    public RenderedSql {
        binds = Collections.unmodifiableList(new ArrayList<>(binds));
        extensions = List.copyOf(extensions);
        features = List.copyOf(features);
    }

    /** A statement that needs no extension. */
    public RenderedSql(String sql, List<Object> binds) {
        this(sql, binds, List.of(), List.of());
    }

    @Override
    public String toString() {
        return sql + " " + binds.size() + " binds";
    }
}
