package io.ashspring.migrate.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.liquibase.TenantSchemaParameter;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.TenantMigrationSql;
import io.ashspring.tenant.TenantName;

import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.util.LiquibaseUtil;

/**
 * Migrates tenant schemas one after the other on one thread, with its own copy of the changelog (whose schema
 * parameters it fills in per tenant).
 *
 * <p>The fast path: read the tenant's {@code databasechangelog}; when every changeset recorded there has the
 * checksum Liquibase computes for it now, apply the others itself: the statements Liquibase generates for each
 * change, in one transaction per changeset, and the row Liquibase would write, so that Liquibase reads the schema
 * as migrated by itself. Anything else (a changeset with preconditions, contexts, labels, {@code runAlways} or
 * {@code runOnChange}; a changed checksum; a failed changeset) goes to Liquibase proper, with its
 * {@link FastCheckService} cache cleared, since it remembers "up to date" per changelog and URL, not per schema.
 */
final class TenantWorker {

    private final TenantChangelog source;
    private final DatabaseChangeLog changelog;
    private final List<Prepared> changeSets = new ArrayList<>();
    /** Why the fast path cannot take this changelog, or {@code null}. */
    private final String noFastPath;
    private final Database offline;

    /** One changeset and where the tenant's schema goes in it. */
    private record Prepared(ChangeSet changeSet, List<TenantSchemaParameter.Template> templates) {
    }

    TenantWorker(TenantChangelog source) {
        this.source = source;
        this.changelog = source.load();
        String unsupported = null;
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            changeSets.add(new Prepared(changeSet, TenantSchemaParameter.templates(changeSet)));
            if (unsupported == null) {
                unsupported = unsupported(changeSet);
            }
        }
        this.noFastPath = unsupported;
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql", source.accessor()));
        this.offline = database;
    }

    /** Why the fast path cannot apply this changeset, or {@code null}. */
    private static String unsupported(ChangeSet changeSet) {
        boolean preconditions = changeSet.getPreconditions() != null && !changeSet.getPreconditions().getNestedPreconditions().isEmpty();
        boolean filtered = changeSet.getContextFilter() != null && !changeSet.getContextFilter().isEmpty()
                || changeSet.getLabels() != null && !changeSet.getLabels().isEmpty()
                || changeSet.getDbmsSet() != null && !changeSet.getDbmsSet().isEmpty();
        if (preconditions || filtered || changeSet.isAlwaysRun() || changeSet.isRunOnChange() || changeSet.isIgnore()
                || !changeSet.getValidCheckSums().isEmpty()) {
            return "changeset " + changeSet.getId() + " has preconditions, filters or run options only Liquibase applies";
        }
        return null;
    }

    /**
     * Migrates one tenant on a connection of its own: its advisory lock, its schema, then the fast path or Liquibase.
     *
     * @return the number of changesets applied, and whether Liquibase applied them
     */
    Outcome migrate(Connection connection, TenantName tenant) throws SQLException, LiquibaseException {
        connection.setAutoCommit(true);
        execute(connection, TenantMigrationSql.lock(tenant));
        try {
            execute(connection, TenantMigrationSql.createSchema(tenant));
            Integer applied = noFastPath == null ? fastPath(connection, tenant, true) : null;
            return applied != null ? new Outcome(applied, false) : new Outcome(liquibase(connection, tenant), true);
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            execute(connection, TenantMigrationSql.unlock(tenant));
        }
    }

    /**
     * Creates and migrates a tenant's schema inside the caller's transaction, committing nothing (a
     * {@code @ManageTenant} record's creation): only the fast path can, so changesets it cannot take fail here.
     *
     * @return the number of changesets applied
     */
    int migrateInTransaction(Connection connection, TenantName tenant) throws SQLException {
        execute(connection, TenantMigrationSql.lockInTransaction(tenant));
        execute(connection, TenantMigrationSql.createSchema(tenant));
        Integer applied = noFastPath == null ? fastPath(connection, tenant, false) : null;
        if (applied == null) {
            throw new MigrationException("Could not migrate the new tenant schema '" + tenant + "' in the transaction that "
                    + "creates it: " + (noFastPath != null ? noFastPath : "its tracking table disagrees with the changelog")
                    + ". Fix: keep tenant changesets free of preconditions, contexts and run options, or migrate the tenant "
                    + "afterwards with TenantMigrator");
        }
        return applied;
    }

    /** Applies the pending changesets itself, or returns {@code null} when Liquibase must decide. */
    private Integer fastPath(Connection connection, TenantName tenant, boolean ownTransactions) throws SQLException {
        execute(connection, TenantMigrationSql.createChangelogTable(tenant));
        Map<String, String> ran = ran(connection, tenant);
        List<Prepared> pending = new ArrayList<>();
        Map<Prepared, String> checkSums = new HashMap<>();
        for (Prepared prepared : changeSets) {
            fill(prepared, tenant.value());
            ChangeSet changeSet = prepared.changeSet();
            changeSet.clearCheckSum();
            String checkSum = changeSet.generateCheckSum(ChecksumVersion.latest()).toString();
            String key = key(changeSet.getId(), changeSet.getAuthor(), filePath(changeSet));
            if (ran.containsKey(key)) {
                if (!Objects.equals(ran.get(key), checkSum)) {
                    return null; // changed since it ran, or recorded by an older Liquibase: Liquibase decides
                }
            } else {
                pending.add(prepared);
                checkSums.put(prepared, checkSum);
            }
        }
        List<Prepared> batch = new ArrayList<>();
        for (Prepared prepared : pending) {
            if (!ownTransactions) {
                applyInTransaction(connection, tenant, prepared, checkSums.get(prepared));
            } else if (prepared.changeSet().isRunInTransaction()) {
                batch.add(prepared);
            } else {
                applyBatch(connection, tenant, batch, checkSums);
                batch.clear();
                apply(connection, tenant, prepared, checkSums.get(prepared));
            }
        }
        applyBatch(connection, tenant, batch, checkSums);
        return pending.size();
    }

    /**
     * Applies consecutive transactional changesets in one transaction: their statements in one round trip, their
     * rows in one batch. When that fails, it rolls back and applies them one by one, so that the error names the
     * changeset that failed and those before it stay applied, as Liquibase would leave them.
     */
    private void applyBatch(Connection connection, TenantName tenant, List<Prepared> batch, Map<Prepared, String> checkSums)
            throws SQLException {
        if (batch.size() < 2) {
            for (Prepared prepared : batch) {
                apply(connection, tenant, prepared, checkSums.get(prepared));
            }
            return;
        }
        boolean applied = false;
        connection.setAutoCommit(false);
        try {
            execute(connection, TenantMigrationSql.setLocalSearchPath(TenantMigrationSql.tenantSearchPath(tenant)));
            StringBuilder script = new StringBuilder();
            for (Prepared prepared : batch) {
                statements(prepared).forEach(sql -> script.append(sql).append(";\n"));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(script.toString());
            }
            String insert = TenantMigrationSql.recordChangeSet(tenant, row(tenant, batch.get(0), "")).sql();
            try (PreparedStatement rows = connection.prepareStatement(insert)) {
                for (Prepared prepared : batch) {
                    List<Object> values = row(tenant, prepared, checkSums.get(prepared));
                    for (int i = 0; i < values.size(); i++) {
                        rows.setObject(i + 1, values.get(i));
                    }
                    rows.addBatch();
                }
                rows.executeBatch();
            }
            connection.commit();
            applied = true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(); // then one by one, below: the error names its changeset
        } finally {
            connection.setAutoCommit(true);
        }
        if (!applied) {
            for (Prepared prepared : batch) {
                apply(connection, tenant, prepared, checkSums.get(prepared));
            }
        }
    }

    private void apply(Connection connection, TenantName tenant, Prepared prepared, String checkSum) throws SQLException {
        ChangeSet changeSet = prepared.changeSet();
        boolean transactional = changeSet.isRunInTransaction();
        connection.setAutoCommit(!transactional);
        try {
            if (transactional) {
                execute(connection, TenantMigrationSql.setLocalSearchPath(TenantMigrationSql.tenantSearchPath(tenant)));
            }
            run(connection, tenant, prepared, checkSum);
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (transactional) {
                connection.rollback();
            }
            throw new MigrationException("changeset " + changeSet.getId() + " (" + changeSet.getDescription() + ") of "
                    + filePath(changeSet) + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void applyInTransaction(Connection connection, TenantName tenant, Prepared prepared, String checkSum) throws SQLException {
        ChangeSet changeSet = prepared.changeSet();
        if (!changeSet.isRunInTransaction()) {
            throw new MigrationException("changeset " + changeSet.getId() + " of " + filePath(changeSet) + " cannot run in a "
                    + "transaction (runInTransaction: false), so a new tenant's schema cannot be migrated in the transaction "
                    + "that creates the tenant. Fix: migrate the tenant afterwards with TenantMigrator");
        }
        String searchPath = single(connection, TenantMigrationSql.searchPath());
        execute(connection, TenantMigrationSql.setLocalSearchPath(TenantMigrationSql.tenantSearchPath(tenant)));
        try {
            run(connection, tenant, prepared, checkSum);
        } catch (SQLException | RuntimeException e) { // the transaction is aborted: its rollback resets the search path
            throw new MigrationException("changeset " + changeSet.getId() + " (" + changeSet.getDescription() + ") of "
                    + filePath(changeSet) + " failed: " + e.getMessage(), e);
        }
        execute(connection, TenantMigrationSql.setLocalSearchPath(searchPath));
    }

    /** The changeset's statements, as Liquibase generates them for PostgreSQL, then its row. */
    private void run(Connection connection, TenantName tenant, Prepared prepared, String checkSum) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(prepared)) {
                statement.execute(sql);
            }
        }
        execute(connection, TenantMigrationSql.recordChangeSet(tenant, row(tenant, prepared, checkSum)));
    }

    /** The SQL Liquibase generates for the changeset's changes on PostgreSQL (its templates filled for the tenant). */
    private List<String> statements(Prepared prepared) {
        ChangeSet changeSet = prepared.changeSet();
        offline.setObjectQuotingStrategy(changeSet.getObjectQuotingStrategy());
        List<String> statements = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            for (SqlStatement generated : change.generateStatements(offline)) {
                for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(generated, offline)) {
                    statements.add(sql.toSql());
                }
            }
        }
        return statements;
    }

    /** The {@code databasechangelog} row of a changeset, as Liquibase writes it. */
    private static List<Object> row(TenantName tenant, Prepared prepared, String checkSum) {
        ChangeSet changeSet = prepared.changeSet();
        List<Object> row = new ArrayList<>();
        row.add(changeSet.getId());
        row.add(changeSet.getAuthor());
        row.add(filePath(changeSet));
        row.add(checkSum);
        row.add(truncate(changeSet.getDescription()));
        row.add(truncate(changeSet.getComments() == null ? null
                : changeSet.getComments().replace(io.ashspring.migrate.TableModel.TENANT_SCHEMA, tenant.value())));
        row.add(LiquibaseUtil.getBuildVersion());
        row.add(deploymentId());
        return row;
    }

    /** Liquibase proper, on the tenant's schema (its tracking table there too); returns how many changesets ran. */
    private int liquibase(Connection connection, TenantName tenant) throws SQLException, LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDefaultSchemaName(tenant.value());
        database.setLiquibaseSchemaName(tenant.value());
        // Liquibase remembers that a changelog was up to date per changelog and URL, not per schema: without this it
        // would skip every tenant after the first
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        DatabaseChangeLog fresh = source.load();
        for (ChangeSet changeSet : fresh.getChangeSets()) {
            TenantSchemaParameter.templates(changeSet).forEach(t -> t.fill(tenant.value()));
        }
        int before = count(connection, tenant);
        new Liquibase(fresh, source.accessor(), database).update(new Contexts());
        connection.setAutoCommit(true);
        return count(connection, tenant) - before;
    }

    private int count(Connection connection, TenantName tenant) throws SQLException {
        return exists(connection, TenantMigrationSql.changelogTableExists(tenant)) ? ran(connection, tenant).size() : 0;
    }

    private static void fill(Prepared prepared, String schema) {
        prepared.templates().forEach(t -> t.fill(schema));
    }

    private static Map<String, String> ran(Connection connection, TenantName tenant) throws SQLException {
        Map<String, String> ran = new HashMap<>();
        RenderedSql sql = TenantMigrationSql.ranChangeSets(tenant);
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ran.put(key(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getString(4));
            }
        }
        return ran;
    }

    private static String filePath(ChangeSet changeSet) {
        return changeSet.getStoredFilePath() != null ? changeSet.getStoredFilePath() : changeSet.getFilePath();
    }

    private static String key(String id, String author, String file) {
        return id + "::" + author + "::" + file;
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 255 ? value : value.substring(0, 252) + "...";
    }

    private static String deploymentId() {
        return String.valueOf(System.currentTimeMillis()).substring(3);
    }

    static void execute(Connection connection, RenderedSql sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql)) {
            statement.execute();
        }
    }

    static String single(Connection connection, RenderedSql sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    static boolean exists(Connection connection, RenderedSql sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, RenderedSql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.sql());
        for (int i = 0; i < sql.binds().size(); i++) {
            statement.setObject(i + 1, sql.binds().get(i));
        }
        return statement;
    }

    /**
     * What one tenant's migration did.
     *
     * @param applied the changesets applied
     * @param liquibase whether Liquibase proper applied them
     */
    record Outcome(int applied, boolean liquibase) {
    }
}
