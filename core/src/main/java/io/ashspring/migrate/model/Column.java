package io.ashspring.migrate.model;

/**
 * A column.
 *
 * @param name the column name
 * @param type the PostgreSQL type as declared ({@code text}, {@code varchar(16)}, {@code bigint});
 *             a serial column has its integer type here and {@link ColumnGeneration#SERIAL}
 * @param nullable whether null is allowed
 * @param defaultSql the default as SQL (a literal already quoted, or an expression such as {@code now()}), or {@code null}
 * @param generation identity or serial
 */
public record Column(String name, String type, boolean nullable, String defaultSql, ColumnGeneration generation) {

    /** Canonical constructor: a missing generation is {@link ColumnGeneration#NONE}. */
    public Column {
        generation = generation == null ? ColumnGeneration.NONE : generation;
    }

    /** The same column under another name. */
    public Column renamed(String newName) {
        return new Column(newName, type, nullable, defaultSql, generation);
    }
}
