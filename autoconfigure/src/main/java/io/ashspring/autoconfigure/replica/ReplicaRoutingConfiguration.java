package io.ashspring.autoconfigure.replica;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ashspring.autoconfigure.AshProperties;
import io.ashspring.runtime.ReadRouting;
import io.ashspring.runtime.replica.ReplicaRouting;

/** Pools, routing and the read-only DataSource, once replicas are known. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
@ConditionalOnBean({ReplicaConnectionDetails.class, DataSource.class})
class ReplicaRoutingConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ReplicaPools ashReplicaPools(ReplicaConnectionDetails details) {
        return new ReplicaPools(details);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ReadRouting.class)
    ReplicaRouting ashReadRouting(ReplicaPools pools, DataSource dataSource, AshProperties properties) {
        AshProperties.Datasource settings = properties.getDatasource();
        return new ReplicaRouting(ReplicaDataSourcePostProcessor.primary(dataSource), pools.replicas(),
                settings.getReadYourWrites(), settings.getReplicaCheckInterval());
    }

    @Bean
    static ReplicaDataSourcePostProcessor ashReplicaDataSourcePostProcessor(ObjectProvider<ReplicaRouting> routing) {
        return new ReplicaDataSourcePostProcessor(routing);
    }
}
