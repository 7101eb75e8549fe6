package io.ashspring.autoconfigure.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.ashspring.migrate.LiquibaseMigrator;
import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.MigrationHints;
import io.ashspring.migrate.SchemaDifference;
import io.ashspring.migrate.SchemaMismatchException;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.catalog.CatalogCheck;
import io.ashspring.migrate.catalog.CatalogReader;
import io.ashspring.migrate.codegen.InMemoryMigration;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.liquibase.ChangelogBuilder;
import io.ashspring.migrate.model.Table;
import io.ashspring.migrate.operation.AddColumn;
import io.ashspring.migrate.operation.CreateTable;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.migrate.state.RecordedState;
import io.ashspring.migrate.state.StateFile;
import io.ashspring.migrate.state.StateFolder;
import io.ashspring.resource.ResourceRegistry;

/**
 * The {@code generate} startup mode: diffs the state recorded in the database ({@link SchemaStateTable},
 * {@code ash_schema_state}) against the resources, applies the difference through Liquibase from a changelog
 * built in memory, and records the new state. Never drops: what disappeared from the resources is kept, with
 * a warning in the log.
 *
 * <p>Everything happens on one connection holding a PostgreSQL advisory lock, so that instances starting
 * together migrate one after the other (the second finds nothing to do). Liquibase commits each changeset
 * on its own; the state is written after the last one. When a changeset fails, those before it stay applied
 * (and recorded in {@code databasechangelog}) while the state is not: the changeset ids are derived from the
 * recorded state and the changes, so the next start, with the same resources, builds the same changesets and
 * Liquibase resumes at the one that failed.
 *
 * <p>A database without a state row whose tables exist already (made by hand, by another tool, or by
 * {@code MigrationGenerator.createSchema}) is adopted: the same changesets run, but one whose table, key, index or
 * check exists already is only marked as ran ({@code ChangelogBuilder.adopting}), so what is missing is created
 * (columns the tables lack included), existing tables are taken as they are, and the resources' model is recorded.
 * A table whose column has another type than its resource's is not adopted: the start fails with a
 * {@code SchemaMismatchException} listing them (unless {@code ash.migrations.verify-catalog=false}).
 */
public final class AshSchemaInitializer implements InitializingBean {

    /** The changelog path recorded in {@code databasechangelog} for the changesets of this mode. */
    public static final String CHANGELOG_PATH = "ash/generate";

    private static final Logger log = LoggerFactory.getLogger(AshSchemaInitializer.class);

    private final DataSource dataSource;
    private final ResourceRegistry registry;
    private final Set<String> extensions;
    private final SchemaStateTable stateTable;
    private final boolean verifyCatalog;

    /**
     * @param dataSource where the tables go
     * @param registry the resources
     * @param extensions extensions from configuration ({@code ash.extensions})
     * @param stateTable the table of the recorded state ({@code ash.migrations.state-table}), {@code name} or
     *                   {@code schema.name}; {@code null} for {@code ash_schema_state}
     * @param verifyCatalog whether to refuse adopting existing tables whose columns have other types than the
     *                      resources' ({@code ash.migrations.verify-catalog})
     */
    public AshSchemaInitializer(DataSource dataSource, ResourceRegistry registry, Collection<String> extensions, String stateTable,
                                boolean verifyCatalog) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.extensions = Set.copyOf(extensions);
        this.stateTable = SchemaStateTable.named(stateTable);
        this.verifyCatalog = verifyCatalog;
    }

    @Override
    public void afterPropertiesSet() {
        TableModel model = TableModel.from(registry, extensions);
        if (model.tables().isEmpty() && model.extensions().isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection);
            try {
                migrate(connection, model);
            } finally {
                if (!connection.getAutoCommit()) { // Liquibase works with auto-commit off
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new MigrationException("ash.migrations.mode=generate could not migrate the database: " + e.getMessage(), e);
        }
    }

    private void migrate(Connection connection, TableModel model) throws SQLException {
        stateTable.create(connection);
        Optional<SchemaStateTable.Row> last = stateTable.latest(connection);
        RecordedState recorded = last.map(row -> StateFolder.fold(List.of(new StateFile(row.run() + ".json", row.state()))))
                .orElseGet(RecordedState::empty);
        InMemoryMigration migration = MigrationGenerator.inMemory(recorded, model, MigrationHints.from(registry), CHANGELOG_PATH,
                "pending"); // the model built above, not a second one
        migration.warnings().forEach(w -> log.warn("Startup migration {}", w));
        recorded.warnings().forEach(w -> log.warn("Recorded state in {}: {}", stateTable.name(), w));
        if (last.isPresent() && migration.isEmpty() && migration.stateJson().equals(last.get().state())) {
            log.debug("Schema of {} resources is up to date ({})", registry.resources().size(), last.get().run());
            return;
        }
        String run = runId(last.map(SchemaStateTable.Row::run).orElse(""), migration);
        List<Table> adopted = last.isPresent() ? List.of() : existing(connection, migration.operations());
        List<SchemaDifference> differences = adopted.isEmpty() ? List.of()
                : CatalogCheck.check(connection, new TableModel(adopted, Set.of()));
        refuseOtherTypes(differences);
        SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
        try {
            if (!adopted.isEmpty()) {
                adopt(single, run, migration, adopted, differences);
            } else if (!migration.isEmpty()) {
                LiquibaseMigrator.apply(single, ChangelogBuilder.build(CHANGELOG_PATH, run, migration.operations()));
            }
        } catch (MigrationException e) {
            throw new MigrationException(e.getMessage() + ". The changesets before the failing one are applied (see "
                    + "databasechangelog, path " + CHANGELOG_PATH + ") and the state in " + stateTable.name() + " is unchanged: "
                    + "fix the cause and restart with the same resources, and the migration resumes at the failed changeset", e);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
            connection.setAutoCommit(true);
        }
        stateTable.record(connection, run, migration.operations().size(), migration.stateJson());
        log.info("Migrated the schema of {} resources: {} change(s), recorded as {} in {}", registry.resources().size(),
                migration.operations().size(), run, stateTable.name());
    }

    /** Existing tables are not adopted when a column has another type than the resources' (unless the check is off). */
    private void refuseOtherTypes(List<SchemaDifference> differences) {
        List<SchemaDifference> otherTypes = differences.stream().filter(d -> d.kind() == SchemaDifference.Kind.TYPE).toList();
        if (verifyCatalog && !otherTypes.isEmpty()) {
            throw new SchemaMismatchException("ash.migrations.mode=generate: " + stateTable.name() + " has no recorded state "
                    + "and the existing tables have columns of other types than the resources, so they are not adopted",
                    otherTypes, "Alter those columns by hand (ALTER TABLE ... ALTER COLUMN ... TYPE ...), change the attributes "
                    + "to match the tables, or drop the tables to have them created (ash.migrations.verify-catalog=false "
                    + "adopts them as they are)");
        }
    }

    /** First start on a database whose tables exist already: create the columns they lack, take the rest as it is. */
    private void adopt(DataSource single, String run, InMemoryMigration migration, List<Table> adopted,
                       List<SchemaDifference> differences) {
        log.warn("{} has no recorded state, but the tables {} exist: taking them as they are and recording the resources' "
                + "model; later changes to the resources are migrated", stateTable.name(),
                adopted.stream().map(Table::qualifiedName).toList());
        List<Operation> missing = differences.stream().filter(d -> d.kind() == SchemaDifference.Kind.MISSING_COLUMN)
                .map(d -> (Operation) new AddColumn(d.table(), adopted.stream().filter(t -> t.qualifiedName().equals(d.table()))
                        .findFirst().flatMap(t -> t.column(d.column())).orElseThrow()))
                .toList();
        if (!missing.isEmpty()) {
            log.warn("Adding to the existing tables the columns of their resources they lack: {}",
                    missing.stream().map(Operation::describe).toList());
            // ids from what is added: a restart after a failure adds what is still missing under new ids
            String prefix = run + "-columns-" + Integer.toHexString(missing.stream().map(Operation::describe).toList().hashCode());
            LiquibaseMigrator.apply(single, ChangelogBuilder.build(CHANGELOG_PATH, prefix, missing));
        }
        LiquibaseMigrator.apply(single, ChangelogBuilder.adopting(CHANGELOG_PATH, run, migration.operations()));
    }

    /** The tables the migration creates that exist already. */
    private static List<Table> existing(Connection connection, List<Operation> operations) throws SQLException {
        CatalogReader catalog = new CatalogReader(connection);
        List<Table> found = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof CreateTable create && catalog.table(create.definition().qualifiedName()).isPresent()) {
                found.add(create.definition());
            }
        }
        return found;
    }

    /**
     * The run's id and changeset id prefix: a digest of the state it starts from and of what it does, so that a
     * run that failed half-way builds the same changesets when restarted, and Liquibase skips those that ran.
     */
    static String runId(String previousRun, InMemoryMigration migration) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((previousRun + "\n" + migration.stateJson() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Operation operation : migration.operations()) {
                digest.update((operation.describe() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "generate-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private void lock(Connection connection) throws SQLException {
        boolean locked;
        try (PreparedStatement statement = advisory(connection, "pg_try_advisory_lock"); ResultSet result = statement.executeQuery()) {
            locked = result.next() && result.getBoolean(1);
        }
        if (!locked) {
            log.info("Waiting for another instance to finish migrating the schema (advisory lock of {})", stateTable.name());
            try (PreparedStatement statement = advisory(connection, "pg_advisory_lock")) {
                statement.execute();
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = advisory(connection, "pg_advisory_unlock")) {
            statement.execute();
        }
    }

    private PreparedStatement advisory(Connection connection, String function) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)");
        statement.setLong(1, stateTable.lockKey());
        return statement;
    }
}
