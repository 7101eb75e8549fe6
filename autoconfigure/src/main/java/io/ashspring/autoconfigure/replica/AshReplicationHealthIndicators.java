package io.ashspring.autoconfigure.replica;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.ashspring.runtime.replica.ReplicaRouting;
import io.ashspring.runtime.replica.ReplicaStatus;

/**
 * The {@code ashReplication} health contributor: one indicator per replica pool, UP while reads may go to
 * it, DOWN when it does not answer, OUT_OF_SERVICE while it lags past its max-lag. Details: lag, replayed
 * WAL position, whether it is a standby, the last error. A replica down does not make reads fail (they go
 * to the primary), so add the group to a readiness group only if you want to know, not to stop traffic.
 */
final class AshReplicationHealthIndicators {

    private AshReplicationHealthIndicators() {
    }

    static CompositeHealthContributor of(ReplicaRouting routing) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        for (ReplicaStatus status : routing.status()) {
            String name = status.name();
            indicators.put(name, () -> health(routing.status().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow()));
        }
        return CompositeHealthContributor.fromMap(indicators);
    }

    static Health health(ReplicaStatus status) {
        Health.Builder builder = !status.up() ? Health.down() : status.usable() ? Health.up() : Health.outOfService();
        builder.withDetail("standby", status.standby()).withDetail("lagMillis", status.lag().toMillis());
        if (status.replayed() != null) {
            builder.withDetail("replayed", status.replayed().toString());
        }
        if (status.error() != null) {
            builder.withDetail("error", status.error());
        }
        return builder.build();
    }
}
