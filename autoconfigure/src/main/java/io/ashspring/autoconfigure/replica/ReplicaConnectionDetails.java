package io.ashspring.autoconfigure.replica;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the read replicas are: from {@code ash.datasource.replicas[*]}, or from another source such as the
 * embedded module's streaming standbys ({@code ash.embedded.replicas}). Define a bean of this type to
 * supply them yourself.
 */
public interface ReplicaConnectionDetails {

    /** The replicas, in order; a read goes to them round robin. */
    List<Endpoint> replicas();

    /**
     * One replica.
     *
     * @param name its name in logs and the health report
     * @param jdbcUrl its JDBC URL
     * @param username the login user
     * @param password the login password, or {@code null}
     * @param maxLag the lag past which reads skip it
     * @param connectionTimeout how long a read waits for one of its connections
     * @param maximumPoolSize its pool's largest size
     * @param hikari other HikariCP settings, by HikariConfig property name
     */
    record Endpoint(String name, String jdbcUrl, String username, String password, Duration maxLag,
                    Duration connectionTimeout, int maximumPoolSize, Map<String, String> hikari) {
    }
}
