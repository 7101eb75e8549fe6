package io.ashspring.resource.model;

import java.util.List;

import io.ashspring.resource.Deferrable;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;

/**
 * The database foreign key of a belongs_to relationship.
 *
 * @param relationship the belongs_to relationship
 * @param name the constraint name
 * @param onDelete what a delete of the referenced row does
 * @param nilifyColumns with {@code NILIFY}: the attributes set to null (empty: all key columns)
 * @param onUpdate what a key change of the referenced row does
 * @param deferrable deferrability
 * @param index whether the key column(s) get an index
 * @param enabled {@code false}: no constraint is created
 * @param indexWhere with {@code index}: the condition of a partial index ({@code "not nil"} or SQL), or {@code null}
 */
public record ReferenceModel(String relationship, String name, OnDelete onDelete, List<String> nilifyColumns,
                             OnUpdate onUpdate, Deferrable deferrable, boolean index, boolean enabled, String indexWhere) {

    /** Canonical constructor: copies the list. */
    public ReferenceModel {
        nilifyColumns = List.copyOf(nilifyColumns);
    }

    /** A reference whose index (if any) is not partial. */
    public ReferenceModel(String relationship, String name, OnDelete onDelete, List<String> nilifyColumns,
                          OnUpdate onUpdate, Deferrable deferrable, boolean index, boolean enabled) {
        this(relationship, name, onDelete, nilifyColumns, onUpdate, deferrable, index, enabled, null);
    }
}
