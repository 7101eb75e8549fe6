package io.ashspring.autoconfigure.replica;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ashspring.runtime.replica.ReplicaRouting;

/** {@code ashReplication} in the health endpoint, when Spring Boot's health support is present. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthContributor")
@ConditionalOnBean(ReplicaRouting.class)
class ReplicaHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "ashReplicationHealthContributor")
    CompositeHealthContributor ashReplicationHealthContributor(ReplicaRouting routing) {
        return AshReplicationHealthIndicators.of(routing);
    }
}
