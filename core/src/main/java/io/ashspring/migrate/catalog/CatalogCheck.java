package io.ashspring.migrate.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ashspring.migrate.SchemaDifference;
import io.ashspring.migrate.SchemaDifference.Kind;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.Table;

/**
 * Compares the live catalog with the table model of the resources: every managed table must exist, with every
 * column of the model, of its type (modifiers included) and nullability, the model's primary key, and its unique
 * indexes of columns. What the database has beyond that (columns, tables, indexes) is fine. Tables of resources
 * with {@code migrate = false} are not checked.
 */
public final class CatalogCheck {

    private CatalogCheck() {
    }

    /**
     * The differences between the database and the model, table by table, in the model's order; empty when they match.
     *
     * @param connection a connection to the database; it is neither committed nor closed
     * @param model what the resources expect
     * @throws SQLException when the catalog cannot be read
     */
    public static List<SchemaDifference> check(Connection connection, TableModel model) throws SQLException {
        CatalogReader reader = new CatalogReader(connection);
        ColumnTypes types = new ColumnTypes(reader);
        List<SchemaDifference> differences = new ArrayList<>();
        for (Table table : model.tables()) {
            Optional<LiveTable> live = reader.table(table.qualifiedName());
            if (live.isEmpty()) {
                differences.add(new SchemaDifference(table.qualifiedName(), null, Kind.MISSING_TABLE, "table with columns "
                        + String.join(", ", table.columns().stream().map(Column::name).toList()), "none"));
            } else {
                compare(table, live.get(), types, differences);
            }
        }
        return List.copyOf(differences);
    }

    private static void compare(Table table, LiveTable live, ColumnTypes types, List<SchemaDifference> differences)
            throws SQLException {
        List<String> primaryKey = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        for (Column column : table.columns()) {
            boolean nullable = column.nullable() && !primaryKey.contains(column.name());
            Optional<LiveColumn> found = live.column(column.name());
            if (found.isEmpty()) {
                differences.add(difference(table, column, Kind.MISSING_COLUMN, "column " + column.type() + " " + nullability(nullable),
                        "none"));
                continue;
            }
            if (!types.same(column.type(), found.get())) {
                differences.add(difference(table, column, Kind.TYPE, "type " + column.type()
                        + (types.exists(column.type()) ? "" : " (no such type in the database)"), found.get().type()));
            }
            if (nullable != found.get().nullable()) {
                differences.add(difference(table, column, Kind.NULLABILITY, nullability(nullable), nullability(found.get().nullable())));
            }
        }
        if (!primaryKey.isEmpty() && !primaryKey.equals(live.primaryKey())) {
            differences.add(new SchemaDifference(table.qualifiedName(), null, Kind.PRIMARY_KEY, "primary key " + columns(primaryKey),
                    live.primaryKey().isEmpty() ? "none" : "primary key " + columns(live.primaryKey())));
        }
        for (Index index : table.indexes()) {
            if (index.unique() && index.keys().stream().allMatch(k -> k.column() != null) && live.uniqueIndexes().stream()
                    .noneMatch(u -> u.columns().equals(index.columns()) && u.partial() == (index.where() != null) && !u.expressions())) {
                differences.add(new SchemaDifference(table.qualifiedName(), null, Kind.UNIQUE_KEY, "unique index " + index.name()
                        + " on " + columns(index.columns()) + (index.where() == null ? "" : " where " + index.where()), "none"));
            }
        }
    }

    private static SchemaDifference difference(Table table, Column column, Kind kind, String expected, String found) {
        return new SchemaDifference(table.qualifiedName(), column.name(), kind, expected, found);
    }

    private static String nullability(boolean nullable) {
        return nullable ? "nullable" : "NOT NULL";
    }

    private static String columns(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }
}
