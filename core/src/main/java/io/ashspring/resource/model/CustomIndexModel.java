package io.ashspring.resource.model;

import java.util.List;

/**
 * An index declared by the resource.
 *
 * @param fields attribute names with an optional suffix ({@code desc}, an operator class), or SQL expressions
 * @param name the index name
 * @param unique whether it is unique
 * @param where the condition of a partial index, or {@code null}
 * @param using the index method, or {@code null} for btree
 * @param include attributes added with {@code INCLUDE}
 * @param nullsDistinct {@code false}: {@code NULLS NOT DISTINCT}
 * @param concurrently whether it is built {@code CONCURRENTLY}
 * @param message the error message of a unique violation
 */
public record CustomIndexModel(List<String> fields, String name, boolean unique, String where, String using,
                               List<String> include, boolean nullsDistinct, boolean concurrently, String message) {

    /** Canonical constructor: copies the lists. */
    public CustomIndexModel {
        fields = List.copyOf(fields);
        include = List.copyOf(include);
    }
}
