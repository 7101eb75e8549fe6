package io.ashspring.autoconfigure.embedded;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@link JdbcConnectionDetails} of an {@link EmbeddedPostgresServer}, from which Spring Boot's
 * {@code DataSourceAutoConfiguration} builds the application's connection pool. Its connections
 * leave PostgreSQL's error detail out of pgjdbc's exception messages ({@value #URL_PROPERTIES}):
 * the detail holds the values of the failed row ("Failing row contains (...)"), which would
 * otherwise reach logs.
 */
final class EmbeddedPostgresConnectionDetails implements JdbcConnectionDetails {

    /** The pgjdbc connection properties of the pool. */
    static final String URL_PROPERTIES = "?logServerErrorDetail=false";

    private final EmbeddedPostgresServer server;

    EmbeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
        this.server = server;
    }

    @Override
    public String getJdbcUrl() {
        return this.server.getJdbcUrl() + URL_PROPERTIES;
    }

    @Override
    public String getUsername() {
        return EmbeddedPostgresServer.USERNAME;
    }

    @Override
    public @Nullable String getPassword() {
        // The server trusts local connections.
        return null;
    }

    @Override
    public String getDriverClassName() {
        return "org.postgresql.Driver";
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresConnectionDetails[" + getJdbcUrl() + "]";
    }

}
