package io.ashspring.autoconfigure.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.sql.SqlIdentifiers;

/**
 * The table where the {@code generate} mode keeps the state it migrated the database to: one row per run
 * that changed something, the latest row being the database's recorded state. The state is the text of one
 * codegen state file holding the whole model, so {@code StateFolder.fold} reads it back.
 *
 * <pre>
 * id bigint identity primary key | run text unique | applied_at timestamptz | operations integer | state text
 * </pre>
 */
final class SchemaStateTable {

    /** The default table, {@code ash.migrations.state-table}. */
    static final String DEFAULT_NAME = "ash_schema_state";

    private final QualifiedName name;
    private final String sql;

    private SchemaStateTable(QualifiedName name) {
        this.name = name;
        this.sql = SqlIdentifiers.qualified(name.schema(), name.name());
    }

    /**
     * The table named by {@code ash.migrations.state-table}: {@code name} or {@code schema.name}.
     *
     * @throws IllegalStateException when it is not a valid identifier
     */
    static SchemaStateTable named(String configured) {
        QualifiedName name = QualifiedName.parse(configured == null || configured.isBlank() ? DEFAULT_NAME : configured.trim(),
                "public");
        try {
            return new SchemaStateTable(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ash.migrations.state-table=" + configured + " is not a table name: " + e.getMessage()
                    + ". Use a name such as " + DEFAULT_NAME + " or myschema." + DEFAULT_NAME);
        }
    }

    /** The qualified name, {@code public.ash_schema_state}. */
    QualifiedName name() {
        return name;
    }

    /** A key for the PostgreSQL advisory lock that serializes the migrations recorded in this table. */
    long lockKey() {
        return ("ash.migrations:" + name).hashCode();
    }

    /** Creates the table (and its schema) unless it exists. */
    void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(name.schema()));
            statement.execute("CREATE TABLE IF NOT EXISTS " + sql + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "run text NOT NULL UNIQUE, applied_at timestamptz NOT NULL DEFAULT now(), "
                    + "operations integer NOT NULL, state text NOT NULL)");
        }
    }

    /** The latest recorded run, if any. */
    Optional<Row> latest(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT run, state FROM " + sql + " ORDER BY id DESC LIMIT 1")) {
            return rows.next() ? Optional.of(new Row(rows.getString(1), rows.getString(2))) : Optional.empty();
        }
    }

    /** Records a run. */
    void record(Connection connection, String run, int operations, String state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + sql
                + " (run, operations, state) VALUES (?, ?, ?)")) {
            insert.setString(1, run);
            insert.setInt(2, operations);
            insert.setString(3, state);
            insert.executeUpdate();
        }
    }

    /**
     * A recorded run.
     *
     * @param run the run id (also the prefix of its changeset ids in {@code databasechangelog})
     * @param state the whole state after the run, as one state file
     */
    record Row(String run, String state) {
    }
}
