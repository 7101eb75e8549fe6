package io.ashspring.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.Driver;

/** A running PostgreSQL server that this JVM may create databases on. */
final class PostgresServer {

    // Used directly rather than through DriverManager, which depends on the caller's class loader.
    private static final Driver DRIVER = new Driver();

    final TestDatabase.Source source;
    /** URL of a database on the server to run CREATE/DROP DATABASE from. */
    final String adminUrl;
    final String username;
    final String password;
    private final AutoCloseable stopper;

    PostgresServer(TestDatabase.Source source, String adminUrl, String username, String password,
            AutoCloseable stopper) {
        this.source = source;
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.stopper = stopper;
    }

    /** Connects to {@code url} on this server with the server's credentials. */
    Connection connect(String url) throws SQLException {
        // Defaults only: parameters in the URL take precedence over these properties in pgjdbc.
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "ash-test");
        properties.setProperty("connectTimeout", "10");
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Connection connection = DRIVER.connect(url, properties);
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL " + JdbcUrls.redact(url));
        }
        return connection;
    }

    /** Whether the server is discarded with the JVM, so dropping its databases is wasted work. */
    boolean ephemeral() {
        return stopper != null;
    }

    void stop() throws Exception {
        if (stopper != null) {
            stopper.close();
        }
    }

    @Override
    public String toString() {
        return source + " " + JdbcUrls.redact(adminUrl);
    }
}
