package io.ashspring.migrate;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/** Applies an in-memory changelog to a DataSource, or rolls back changelog files there, through Liquibase. */
public final class LiquibaseMigrator {

    private LiquibaseMigrator() {
    }

    /**
     * Applies every changeset that has not run yet.
     *
     * @throws MigrationException naming the changeset that failed
     */
    public static void apply(DataSource dataSource, DatabaseChangeLog changelog) {
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Liquibase remembers per JVM that a changelog path was up to date on a URL and then skips later
            // updates of that path without looking; the startup changelog keeps its path while its content changes
            // (a DevTools restart, several application contexts on one database), so always look
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database);
            // Liquibase creates databasechangelog before it locks; locking first keeps two instances starting on
            // an empty database from both creating it. The lock is a session advisory lock (liquibase-sessionlock):
            // PostgreSQL releases it when the connection ends, so a crashed start leaves nothing behind
            LockService lock = LockServiceFactory.getInstance().getLockService(database);
            lock.waitForLock();
            try {
                liquibase.update(new Contexts());
            } finally {
                if (lock.hasChangeLogLock()) { // update releases it when it ends normally
                    lock.releaseLock();
                }
            }
        } catch (LiquibaseException | SQLException e) {
            throw new MigrationException("Could not create the schema from the resources: " + rootMessage(e), e);
        }
    }

    /**
     * Rolls back, newest first, the changesets of these changelog files that ran in the database, each with
     * its own rollback, and forgets them in {@code databasechangelog}, under Liquibase's lock. Changesets
     * are matched by id and author (not by path: the application records its classpath path, a command
     * line its file path). Changesets that never ran there are left alone.
     *
     * @param directory the directory the changelog paths are relative to
     * @param changelogs the changelog files, relative to {@code directory}
     * @return the ids rolled back, newest first
     * @throws MigrationException naming the changeset whose rollback failed and those rolled back before it
     */
    public static List<String> rollback(DataSource dataSource, Path directory, List<String> changelogs) {
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, ChangeSet> changeSets = changeSets(database, new DirectoryResourceAccessor(directory), changelogs);
            if (ran(database, changeSets).isEmpty()) {
                return List.of(); // not even the lock table is created in a database that never ran them
            }
            LockService lock = LockServiceFactory.getInstance().getLockService(database);
            lock.waitForLock();
            try {
                List<String> done = new ArrayList<>();
                for (RanChangeSet ran : ran(database, changeSets)) {
                    ChangeSet changeSet = changeSets.get(key(ran.getId(), ran.getAuthor()));
                    changeSet.setFilePath(ran.getChangeLog());
                    changeSet.setStoredFilePath(ran.getStoredChangeLog() == null ? ran.getChangeLog() : ran.getStoredChangeLog());
                    try {
                        changeSet.rollback(database);
                        database.removeRanStatus(changeSet);
                        database.commit();
                    } catch (LiquibaseException | RuntimeException e) {
                        throw new MigrationException("Could not roll back the dev changeset " + ran.getId() + " ("
                                + changeSet.getComments() + ") of " + changeSet.getChangeLog().getPhysicalFilePath() + ": "
                                + rootMessage(e) + ". " + (done.isEmpty() ? "Nothing was rolled back"
                                : "Rolled back before it: " + String.join(", ", done)) + "; no file was written or deleted. "
                                + "Fix the database (or recreate it) and run again", e);
                    }
                    done.add(ran.getId());
                }
                return done;
            } finally {
                lock.releaseLock();
            }
        } catch (LiquibaseException | SQLException | FileNotFoundException e) {
            throw new MigrationException("Could not roll back the dev changesets " + changelogs + ": " + rootMessage(e)
                    + ". No file was written or deleted", e);
        }
    }

    private static Map<String, ChangeSet> changeSets(Database database, ResourceAccessor accessor, List<String> changelogs)
            throws LiquibaseException {
        Map<String, ChangeSet> changeSets = new LinkedHashMap<>();
        for (String path : changelogs) {
            DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(path, accessor)
                    .parse(path, new ChangeLogParameters(database), accessor);
            changelog.getChangeSets().forEach(c -> changeSets.put(key(c.getId(), c.getAuthor()), c));
        }
        return changeSets;
    }

    /** The changesets of these that ran in the database, newest first (Liquibase lists them in execution order). */
    private static List<RanChangeSet> ran(Database database, Map<String, ChangeSet> changeSets) throws LiquibaseException {
        List<RanChangeSet> ran = new ArrayList<>(database.getRanChangeSetList().stream()
                .filter(r -> changeSets.containsKey(key(r.getId(), r.getAuthor()))).toList());
        Collections.reverse(ran);
        return ran;
    }

    private static String key(String id, String author) {
        return id + "::" + author;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
