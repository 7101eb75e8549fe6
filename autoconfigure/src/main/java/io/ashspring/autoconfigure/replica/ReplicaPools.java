package io.ashspring.autoconfigure.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.ashspring.runtime.replica.Replica;

/**
 * One HikariCP pool per replica. A pool starts even when its replica is down (reads skip it until it
 * answers); closing this closes them.
 */
public final class ReplicaPools implements AutoCloseable {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<Replica> replicas = new ArrayList<>();

    /** Opens a pool for each replica. */
    public ReplicaPools(ReplicaConnectionDetails details) {
        for (ReplicaConnectionDetails.Endpoint endpoint : details.replicas()) {
            HikariDataSource pool = new HikariDataSource(config(endpoint));
            pools.add(pool);
            replicas.add(new Replica(endpoint.name(), pool, endpoint.maxLag()));
        }
    }

    private static HikariConfig config(ReplicaConnectionDetails.Endpoint endpoint) {
        Properties settings = new Properties();
        settings.putAll(endpoint.hikari());
        HikariConfig config = settings.isEmpty() ? new HikariConfig() : new HikariConfig(settings);
        config.setPoolName("ash-" + endpoint.name());
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.username());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(endpoint.maximumPoolSize());
        config.setConnectionTimeout(Math.max(250, endpoint.connectionTimeout().toMillis()));
        config.setValidationTimeout(Math.min(config.getConnectionTimeout(), Duration.ofSeconds(1).toMillis()));
        config.setInitializationFailTimeout(-1); // start even when the replica is down: reads skip it meanwhile
        config.setReadOnly(true);
        return config;
    }

    /** The replicas, each over its pool, in order. */
    public List<Replica> replicas() {
        return List.copyOf(replicas);
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
