package io.ashspring.migrate.model;

import java.util.List;

/**
 * A check constraint.
 *
 * @param name the constraint name
 * @param sql the condition
 * @param columns the columns it is about (from the resource's fields): it is dropped before they change
 */
public record Check(String name, String sql, List<String> columns) {

    /** Canonical constructor: copies. */
    public Check {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
