package io.ashspring.autoconfigure.replica;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.ashspring.autoconfigure.AshProperties;

/** The replicas of {@code ash.datasource.replicas[*]}. */
@Configuration(proxyBeanMethods = false)
@Conditional(OnReplicasConfiguredCondition.class)
class ReplicaPropertiesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReplicaConnectionDetails ashReplicaConnectionDetails(AshProperties properties, Environment environment) {
        return new PropertiesReplicaConnectionDetails(properties.getDatasource(),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
    }
}
