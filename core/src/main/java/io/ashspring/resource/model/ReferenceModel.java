package io.ashspring.resource.model;

import java.util.List;

import io.ashspring.resource.Deferrable;
import io.ashspring.resource.MatchType;
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
 * @param matchWith further attribute pairs of a composite key, after the relationship's own key
 * @param matchType how a composite key with nulls is checked
 */
public record ReferenceModel(String relationship, String name, OnDelete onDelete, List<String> nilifyColumns,
                             OnUpdate onUpdate, Deferrable deferrable, boolean index, boolean enabled, String indexWhere,
                             List<MatchColumn> matchWith, MatchType matchType) {

    /** Canonical constructor: copies the lists. */
    public ReferenceModel {
        nilifyColumns = List.copyOf(nilifyColumns);
        matchWith = matchWith == null ? List.of() : List.copyOf(matchWith);
        matchType = matchType == null ? MatchType.SIMPLE : matchType;
    }

    /** The same foreign key under another constraint name. */
    public ReferenceModel named(String constraintName) {
        return new ReferenceModel(relationship, constraintName, onDelete, nilifyColumns, onUpdate, deferrable, index, enabled,
                indexWhere, matchWith, matchType);
    }

    /**
     * One more column pair of a composite foreign key: {@code source} of this resource must match
     * {@code destination} of the referenced one (Ash's {@code match_with}).
     *
     * @param source an attribute of the resource holding the belongs_to
     * @param destination an attribute of the referenced resource
     */
    public record MatchColumn(String source, String destination) {
    }
}
