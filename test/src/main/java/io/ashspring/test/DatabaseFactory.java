package io.ashspring.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates fresh databases on this JVM's server by cloning one template database, and drops them
 * when the JVM exits. Thread-safe.
 */
final class DatabaseFactory {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFactory.class);

    private static final String OBJECT_IN_USE = "55006";
    private static final String INVALID_PARAMETER_VALUE = "22023";

    private static final Object LOCK = new Object();
    private static DatabaseFactory shared;
    private static RuntimeException startFailure;

    private final PostgresServer server;
    private final int serverVersionNum;
    private final String template;
    // Every database this JVM created, in creation order; dropped at JVM exit.
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());

    private DatabaseFactory(PostgresServer server) {
        this.server = server;
        this.serverVersionNum = queryServerVersionNum();
        this.template = Identifiers.randomName(Identifiers.TEMPLATE_PREFIX);
        try {
            createTemplate();
        }
        catch (RuntimeException ex) {
            if (!server.ephemeral()) {
                dropAll();
            }
            throw ex;
        }
    }

    /** The factory for this JVM's server, starting the server on first use. */
    static DatabaseFactory shared() {
        synchronized (LOCK) {
            if (shared != null) {
                return shared;
            }
            // Do not retry a failed start for every test class: that can be slow and hides the first error.
            if (startFailure != null) {
                throw new IllegalStateException("PostgreSQL for tests could not be started earlier in this JVM: "
                        + startFailure.getMessage(), startFailure);
            }
            PostgresServer server = null;
            try {
                server = ServerLocator.start();
                shared = new DatabaseFactory(server);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdown, "ash-test-shutdown"));
                return shared;
            }
            catch (RuntimeException ex) {
                startFailure = ex;
                stopQuietly(server);
                throw ex;
            }
        }
    }

    /** The name of the template database that fresh databases are cloned from. */
    String templateName() {
        return template;
    }

    /** Creates a new, empty database with the given extensions. */
    TestDatabase create(Collection<String> extensions) {
        List<String> validExtensions = Identifiers.extensions(extensions);
        String name = Identifiers.randomName(Identifiers.DATABASE_PREFIX);
        remember(name);
        String sql = "CREATE DATABASE " + Identifiers.quoteDatabase(name) + " TEMPLATE "
                + Identifiers.quoteDatabase(template);
        executeAdmin(sql, true);
        TestDatabase database = new TestDatabase(JdbcUrls.withDatabase(server.adminUrl, name), server.username,
                server.password, name, serverVersionNum, server.source);
        installExtensions(database, validExtensions);
        return database;
    }

    /** Runs {@code CREATE EXTENSION IF NOT EXISTS} for each name in {@code database}. */
    void installExtensions(TestDatabase database, Collection<String> extensions) {
        List<String> validExtensions = Identifiers.extensions(extensions);
        if (validExtensions.isEmpty()) {
            return;
        }
        String current = null;
        try (Connection connection = server.connect(database.jdbcUrl());
                Statement statement = connection.createStatement()) {
            for (String extension : validExtensions) {
                current = extension;
                statement.execute("CREATE EXTENSION IF NOT EXISTS " + Identifiers.quoteExtension(extension));
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create extension '" + current + "' in database "
                    + database.databaseName() + ": " + ex.getMessage(), ex);
        }
    }

    private int queryServerVersionNum() {
        try (Connection connection = server.connect(server.adminUrl);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version_num")) {
            result.next();
            return Integer.parseInt(result.getString(1).trim());
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not connect to the PostgreSQL server " + server + ": "
                    + ex.getMessage(), ex);
        }
    }

    private void createTemplate() {
        remember(template);
        String quoted = Identifiers.quoteDatabase(template);
        // template0 is pristine, unlike template1 on a shared server.
        try {
            executeAdminChecked("CREATE DATABASE " + quoted + " TEMPLATE template0 ENCODING 'UTF8'");
        }
        catch (SQLException ex) {
            if (!INVALID_PARAMETER_VALUE.equals(ex.getSQLState())) {
                throw adminFailure("CREATE DATABASE " + quoted, ex);
            }
            // The server's locale does not allow UTF8: take the server's default encoding.
            executeAdmin("CREATE DATABASE " + quoted + " TEMPLATE template0", false);
        }
        // Nobody connects to the template, so cloning never fails with "being accessed by other users".
        executeAdmin("ALTER DATABASE " + quoted + " ALLOW_CONNECTIONS false", false);
    }

    private void remember(String name) {
        // Remembered before CREATE DATABASE, so a half-done creation is still cleaned up.
        created.add(name);
    }

    private void executeAdmin(String sql, boolean retryWhenInUse) {
        int attempts = retryWhenInUse ? 20 : 1;
        for (int attempt = 1;; attempt++) {
            try {
                executeAdminChecked(sql);
                return;
            }
            catch (SQLException ex) {
                if (attempt >= attempts || !OBJECT_IN_USE.equals(ex.getSQLState())) {
                    throw adminFailure(sql, ex);
                }
                sleep(50L * attempt);
            }
        }
    }

    private void executeAdminChecked(String sql) throws SQLException {
        try (Connection connection = server.connect(server.adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private IllegalStateException adminFailure(String sql, SQLException ex) {
        return new IllegalStateException("'" + sql + "' failed on " + server + ": " + ex.getMessage(), ex);
    }

    /** Runs in the JVM shutdown hook: drops our databases from a server that outlives us, then stops it. */
    void shutdown() {
        if (!server.ephemeral()) {
            dropAll();
        }
        stopQuietly(server);
    }

    private void dropAll() {
        List<String> names;
        synchronized (created) {
            names = new ArrayList<>(created);
        }
        // Clones before the template; a template cannot be dropped while a clone is being made from it.
        Collections.reverse(names);
        try (Connection connection = server.connect(server.adminUrl);
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                try {
                    drop(connection, statement, name);
                }
                catch (SQLException ex) {
                    log.warn("ash-test: could not drop database {}: {}", name, ex.getMessage());
                }
            }
        }
        catch (SQLException ex) {
            log.warn("ash-test: could not drop the {} test databases of this JVM from {}: {}", names.size(), server,
                    ex.getMessage());
        }
    }

    private void drop(Connection connection, Statement statement, String name) throws SQLException {
        String quoted = Identifiers.quoteDatabase(name);
        if (serverVersionNum >= 130000) {
            statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            return;
        }
        // Before PostgreSQL 13 there is no FORCE: end the sessions (for example pools still open) first.
        try (PreparedStatement terminate = connection.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, name);
            terminate.execute();
        }
        statement.execute("DROP DATABASE IF EXISTS " + quoted);
    }

    private static void stopQuietly(PostgresServer server) {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        }
        catch (Exception ex) {
            log.warn("ash-test: could not stop {}: {}", server, ex.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to create a test database", ex);
        }
    }
}
