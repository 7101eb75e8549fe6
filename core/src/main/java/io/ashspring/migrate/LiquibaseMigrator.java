package io.ashspring.migrate;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Applies an in-memory changelog to a DataSource through Liquibase. */
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
            liquibase.update(new Contexts());
        } catch (LiquibaseException | SQLException e) {
            throw new MigrationException("Could not create the schema from the resources: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
