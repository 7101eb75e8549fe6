package io.ashspring.autoconfigure.embedded;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@link JdbcConnectionDetails} of an {@link EmbeddedPostgresServer}, from which Spring Boot's
 * {@code DataSourceAutoConfiguration} builds the application's connection pool.
 */
final class EmbeddedPostgresConnectionDetails implements JdbcConnectionDetails {

    private final EmbeddedPostgresServer server;

    EmbeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
        this.server = server;
    }

    @Override
    public String getJdbcUrl() {
        return this.server.getJdbcUrl();
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
