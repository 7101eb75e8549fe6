package io.ashspring.maven;

import javax.sql.DataSource;

import org.apache.maven.plugin.MojoFailureException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a goal works on: {@code -Dash.url}, {@code -Dash.username} and {@code -Dash.password}.
 *
 * @param url the PostgreSQL JDBC URL
 * @param username the user, or {@code null} for the one in the URL
 * @param password the password, or {@code null} for the one in the URL
 */
record DatabaseTarget(String url, String username, String password) {

    /** The property naming the database. */
    static final String URL_PROPERTY = "ash.url";

    /**
     * The database given, or {@code null} when no URL was given.
     *
     * @throws MojoFailureException when the URL is not a PostgreSQL JDBC URL
     */
    static DatabaseTarget of(String url, String username, String password) throws MojoFailureException {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new MojoFailureException("-D" + URL_PROPERTY + "=" + redact(url) + " is not a PostgreSQL JDBC URL: use "
                    + "jdbc:postgresql://<host>:<port>/<database>");
        }
        return new DatabaseTarget(url.trim(), blankToNull(username), password);
    }

    /** A DataSource opening a new connection each time (a goal needs one or two). */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (username != null) {
            dataSource.setUser(username);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    /** The URL for messages: without its query, which may hold a password. */
    String display() {
        return redact(url);
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
