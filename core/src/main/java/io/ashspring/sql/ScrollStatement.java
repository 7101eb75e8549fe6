package io.ashspring.sql;

import java.util.List;

import io.ashspring.type.AttributeType;

/**
 * A keyset window's {@code SELECT}: the statement, and where the values of its sort keys are in
 * each row (after the attributes), so that the position of every row can be told.
 *
 * @param statement the statement
 * @param keyNames the name of each sort key in a position ({@code priority}, {@code representative.name},
 *                 {@code $0} for an expression); the primary key comes last
 * @param keyTypes the attribute type of each key, to read its value, or {@code null} for an expression
 *                 (whose position value is PostgreSQL's text of it, which the next window binds untyped)
 * @param firstKeyColumn the 1-based column of the first key
 */
public record ScrollStatement(RenderedSql statement, List<String> keyNames, List<AttributeType> keyTypes,
                              int firstKeyColumn) {

    /** Canonical constructor: copies the lists (types may be null). */
    public ScrollStatement {
        keyNames = List.copyOf(keyNames);
        keyTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keyTypes));
    }
}
