package io.ashspring.autoconfigure.replica;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.ashspring.autoconfigure.AshAutoConfiguration;
import io.ashspring.autoconfigure.AshProperties;

/**
 * Auto-configuration of read replicas: when {@code ash.datasource.replicas} lists some (or another bean
 * supplies {@link ReplicaConnectionDetails}, as the embedded module's standbys do), one HikariCP pool per
 * replica, the {@link io.ashspring.runtime.replica.ReplicaRouting} the runtime sends lone reads through,
 * the application's DataSource wrapped so that read-only transactions land on a replica, and the
 * {@code ashReplication} health indicator. See {@code docs/replicas.md}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = AshAutoConfiguration.class)
@EnableConfigurationProperties(AshProperties.class)
@Import({ReplicaPropertiesConfiguration.class, ReplicaRoutingConfiguration.class, ReplicaHealthConfiguration.class})
public final class AshReplicaAutoConfiguration {

    AshReplicaAutoConfiguration() {
    }
}
