package io.ashspring.migrate;

import io.ashspring.migrate.model.QualifiedName;

/**
 * One way the live database differs from what the resources expect, found by the startup check of the catalog.
 *
 * @param table the table
 * @param column the column, or {@code null} for a difference of the table (missing, keys)
 * @param kind what differs
 * @param expected what the resources expect ({@code integer}, {@code NOT NULL}, {@code primary key (id)})
 * @param found what the database has ({@code text}, {@code nullable}, {@code none})
 */
public record SchemaDifference(QualifiedName table, String column, Kind kind, String expected, String found) {

    /** What differs. */
    public enum Kind {
        /** The table does not exist. */
        MISSING_TABLE,
        /** The table lacks a column. */
        MISSING_COLUMN,
        /** A column has another type (or other modifiers: length, precision). */
        TYPE,
        /** A column allows null where the resource does not, or the other way round. */
        NULLABILITY,
        /** The primary key has other columns, or is missing. */
        PRIMARY_KEY,
        /** A unique index of the resources (an identity) is missing. */
        UNIQUE_KEY
    }

    /** One line naming the table, the column, what is expected and what was found. */
    public String describe() {
        return table + (column == null ? "" : "." + column) + ": expected " + expected + ", found " + found;
    }

    @Override
    public String toString() {
        return describe();
    }
}
