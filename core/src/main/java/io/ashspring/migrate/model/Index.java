package io.ashspring.migrate.model;

import java.util.List;
import java.util.Objects;

/**
 * An index: a unique index of an identity, an index of a reference, or a custom index.
 *
 * @param name the index name
 * @param keys the keys, in order
 * @param unique whether it is unique
 * @param where the condition of a partial index, or {@code null}
 * @param using the index method ({@code gin}, {@code gist}...), or {@code null} for btree
 * @param include non-key columns ({@code INCLUDE})
 * @param nullsDistinct {@code false}: {@code NULLS NOT DISTINCT} (PostgreSQL 15+)
 * @param concurrently whether it is built {@code CONCURRENTLY} (how it is built, not what it is: the diff ignores it)
 */
public record Index(String name, List<IndexKey> keys, boolean unique, String where, String using, List<String> include,
                    boolean nullsDistinct, boolean concurrently) {

    /** Canonical constructor: copies. */
    public Index {
        keys = List.copyOf(keys);
        include = include == null ? List.of() : List.copyOf(include);
        where = where == null || where.isBlank() ? null : where;
        using = using == null || using.isBlank() || using.equalsIgnoreCase("btree") ? null : using;
    }

    /** Whether both describe the same index, whatever their names and how they are built. */
    public boolean sameDefinition(Index other) {
        return keys.equals(other.keys) && unique == other.unique && Objects.equals(where, other.where)
                && Objects.equals(using, other.using) && include.equals(other.include) && nullsDistinct == other.nullsDistinct;
    }

    /** Whether a foreign key may reference exactly these columns through this index. */
    public boolean backsForeignKeys() {
        return unique && where == null && keys.stream().allMatch(k -> k.column() != null);
    }

    /** The column keys, in order. */
    public List<String> columns() {
        return keys.stream().filter(k -> k.column() != null).map(IndexKey::column).toList();
    }

    /** The same index under another name. */
    public Index renamed(String newName) {
        return new Index(newName, keys, unique, where, using, include, nullsDistinct, concurrently);
    }
}
