package io.ashspring.resource.model;

import java.util.List;

/**
 * A unique key, backed by a unique index.
 *
 * @param name the identity's name
 * @param keys the attribute names
 * @param where the condition of a partial index, or {@code null}
 * @param nullsDistinct {@code false}: {@code NULLS NOT DISTINCT}
 * @param message the error message of a violation
 * @param indexName the unique index's name
 */
public record IdentityModel(String name, List<String> keys, String where, boolean nullsDistinct, String message,
                            String indexName) {

    /** Canonical constructor: copies the list. */
    public IdentityModel {
        keys = List.copyOf(keys);
    }
}
