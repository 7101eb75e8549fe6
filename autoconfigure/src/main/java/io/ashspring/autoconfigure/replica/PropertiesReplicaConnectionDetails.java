package io.ashspring.autoconfigure.replica;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.ashspring.autoconfigure.AshProperties;

/** The replicas of {@code ash.datasource.replicas[*]}; user and password default to the primary's. */
final class PropertiesReplicaConnectionDetails implements ReplicaConnectionDetails {

    private final List<Endpoint> replicas;

    PropertiesReplicaConnectionDetails(AshProperties.Datasource properties, @Nullable String primaryUsername,
                                       @Nullable String primaryPassword) {
        List<Endpoint> endpoints = new ArrayList<>();
        List<AshProperties.Datasource.Replica> configured = properties.getReplicas();
        for (int i = 0; i < configured.size(); i++) {
            AshProperties.Datasource.Replica replica = configured.get(i);
            if (replica.getUrl() == null || replica.getUrl().isBlank()) {
                throw new IllegalStateException("ash.datasource.replicas[" + i + "].url is not set: give each replica the "
                        + "JDBC URL of a standby (jdbc:postgresql://replica-host:5432/app), or remove the entry");
            }
            String username = replica.getUsername() != null ? replica.getUsername() : primaryUsername;
            String password = replica.getPassword() != null ? replica.getPassword() : primaryPassword;
            endpoints.add(new Endpoint("replica-" + (i + 1), replica.getUrl(), username, password, replica.getMaxLag(),
                    replica.getConnectionTimeout(), replica.getMaximumPoolSize(), replica.getHikari()));
        }
        this.replicas = List.copyOf(endpoints);
    }

    @Override
    public List<Endpoint> replicas() {
        return replicas;
    }
}
