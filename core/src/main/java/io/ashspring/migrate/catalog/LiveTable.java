package io.ashspring.migrate.catalog;

import java.util.List;
import java.util.Optional;

import io.ashspring.migrate.model.QualifiedName;

/**
 * A table as the catalog has it.
 *
 * @param name the qualified name
 * @param columns the columns, in order
 * @param primaryKey the primary key's columns, empty without one
 * @param uniqueIndexes the unique indexes (and unique constraints), the primary key's left out
 */
public record LiveTable(QualifiedName name, List<LiveColumn> columns, List<String> primaryKey, List<UniqueIndex> uniqueIndexes) {

    /** Canonical constructor: copies. */
    public LiveTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueIndexes = List.copyOf(uniqueIndexes);
    }

    /** The column with this name. */
    public Optional<LiveColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * A unique index.
     *
     * @param name the index name
     * @param columns its key columns, in order (an expression key is left out)
     * @param partial whether it has a {@code WHERE} condition
     * @param expressions whether a key is an expression
     */
    public record UniqueIndex(String name, List<String> columns, boolean partial, boolean expressions) {

        /** Canonical constructor: copies. */
        public UniqueIndex {
            columns = List.copyOf(columns);
        }
    }
}
