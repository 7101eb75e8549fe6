package io.ashspring.migrate.order;

import java.util.List;

import io.ashspring.migrate.model.QualifiedName;

/**
 * Something true of the database after some operations ran. An operation that requires a fact runs
 * after every operation of the same migration that provides it; a fact nobody in the migration
 * provides already holds (it was true before).
 */
public sealed interface Fact {

    /** Every extension this migration installs is installed. */
    record ExtensionsReady() implements Fact {
    }

    /** Nothing this migration drops still uses an extension. */
    record ExtensionUsersReleased() implements Fact {
    }

    /** The schema exists. */
    record SchemaReady(String schema) implements Fact {
    }

    /** No table of this migration is left in the schema. */
    record SchemaVacated(String schema) implements Fact {
    }

    /** The table exists under this name. */
    record TableReady(QualifiedName table) implements Fact {
    }

    /** The column exists with its new definition. */
    record ColumnReady(QualifiedName table, String column) implements Fact {
    }

    /** No column of that name is left (dropped or renamed away). */
    record ColumnGone(QualifiedName table, String column) implements Fact {
    }

    /** Every column change of the table is done (checks and expression indexes may use any column). */
    record ColumnsSettled(QualifiedName table) implements Fact {
    }

    /** Every table and column change of the migration is done (custom statements may use anything). */
    record StructureSettled() implements Fact {
    }

    /** A primary key or unique index on exactly these columns (sorted) exists: a foreign key may reference them. */
    record UniqueKeyReady(QualifiedName table, List<String> columns) implements Fact {
        /** Canonical constructor: sorts, as PostgreSQL matches the set of columns. */
        public UniqueKeyReady {
            columns = columns.stream().sorted().toList();
        }
    }

    /** Constraints, indexes and checks on the table that this migration drops are dropped. */
    record DependentsReleased(QualifiedName table) implements Fact {
    }

    /** Foreign keys pointing at the table that this migration drops are dropped. */
    record ReferencesReleased(QualifiedName table) implements Fact {
    }

    /** Every custom statement this migration undoes is undone. */
    record StatementsReleased() implements Fact {
    }

    /** The name is free in the schema (tables, indexes and constraints). */
    record NameFree(String schema, String name) implements Fact {
    }
}
