package io.ashspring.migrate.model;

import java.util.List;

/**
 * A primary key constraint.
 *
 * @param name the constraint name ({@code <table>_pkey})
 * @param columns the key columns, in order
 */
public record PrimaryKey(String name, List<String> columns) {

    /** Canonical constructor: copies. */
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
