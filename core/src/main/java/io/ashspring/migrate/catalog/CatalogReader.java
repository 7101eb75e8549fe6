package io.ashspring.migrate.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.sql.CatalogQueries;
import io.ashspring.sql.RenderedSql;

/** Reads tables from PostgreSQL's catalog ({@code pg_class}, {@code pg_attribute}, {@code pg_index}). */
public final class CatalogReader {

    private final Connection connection;

    /** A reader on this connection; it neither commits nor closes it. */
    public CatalogReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * The table, or its absence.
     *
     * @throws SQLException when the catalog cannot be read
     */
    public Optional<LiveTable> table(QualifiedName name) throws SQLException {
        List<LiveColumn> columns = new ArrayList<>();
        boolean exists = false;
        try (PreparedStatement query = prepare(CatalogQueries.columns(name.schema(), name.name()));
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                exists = true;
                if (rows.getString(1) != null) {
                    columns.add(new LiveColumn(rows.getString(1), rows.getLong(2), rows.getString(3), !rows.getBoolean(4)));
                }
            }
        }
        if (!exists) {
            return Optional.empty();
        }
        List<String> primaryKey = List.of();
        List<LiveTable.UniqueIndex> unique = new ArrayList<>();
        try (PreparedStatement query = prepare(CatalogQueries.uniqueKeys(name.schema(), name.name()));
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                List<String> keyColumns = strings(rows.getArray(5));
                if (rows.getBoolean(1)) {
                    primaryKey = keyColumns;
                } else {
                    unique.add(new LiveTable.UniqueIndex(rows.getString(2), keyColumns, rows.getBoolean(3), rows.getBoolean(4)));
                }
            }
        }
        return Optional.of(new LiveTable(name, columns, primaryKey, unique));
    }

    /**
     * A declared type without its modifiers, resolved as PostgreSQL resolves it in DDL, or empty when there is no
     * such type (a missing extension, a misspelt name).
     *
     * @throws SQLException when the catalog cannot be read
     */
    Optional<ResolvedType> resolve(String typeWithoutModifiers) throws SQLException {
        try (PreparedStatement query = prepare(CatalogQueries.resolveType(typeWithoutModifiers));
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(new ResolvedType(rows.getLong(1), rows.getString(2))) : Optional.empty();
        }
    }

    /**
     * A resolved type.
     *
     * @param oid its oid
     * @param baseName the name of its element type for an array, of itself otherwise ({@code bpchar}, {@code numeric})
     */
    record ResolvedType(long oid, String baseName) {
    }

    private PreparedStatement prepare(RenderedSql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.sql());
        for (int i = 0; i < sql.binds().size(); i++) {
            statement.setObject(i + 1, sql.binds().get(i));
        }
        return statement;
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }
}
