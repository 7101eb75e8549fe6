package io.ashspring.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import io.ashspring.autoconfigure.resource.ResourceServiceRegistrar;
import io.ashspring.autoconfigure.resource.ResourceTypes;
import io.ashspring.autoconfigure.schema.AshCatalogVerifier;
import io.ashspring.autoconfigure.schema.AshSchemaInitializer;
import io.ashspring.autoconfigure.schema.AshSchemaVerifier;
import io.ashspring.autoconfigure.schema.ConditionalOnMigrationMode;
import io.ashspring.autoconfigure.schema.MigrationMode;
import io.ashspring.query.QueryInput;
import io.ashspring.resource.AshJacksonModule;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ReadRouting;

/**
 * Auto-configuration of Ash for Spring: finds the {@code @Resource} records of the application,
 * builds and validates the {@link ResourceRegistry}, migrates or verifies their tables at startup, and
 * registers one {@code ResourceService<T>} bean per resource. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcClientAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(AshProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class) // the runtime waits for the startup migration
public final class AshAutoConfiguration {

    /** Scans for resources and registers their services (static: it is a bean factory post-processor). */
    @Bean
    @ConditionalOnMissingBean
    static ResourceServiceRegistrar ashResourceServiceRegistrar() {
        return new ResourceServiceRegistrar();
    }

    @Bean
    @ConditionalOnMissingBean
    ResourceRegistry ashResourceRegistry(ResourceTypes types) {
        return ResourceRegistry.of(types.types());
    }

    /** The generate mode: diff against the state recorded in the database, migrate, record. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnMigrationMode(MigrationMode.GENERATE)
    AshSchemaInitializer ashSchemaInitializer(DataSource dataSource, ResourceRegistry registry, AshProperties properties) {
        return new AshSchemaInitializer(dataSource, registry, properties.getExtensions(),
                properties.getMigrations().getStateTable(), properties.getMigrations().isVerifyCatalog());
    }

    /** After the migration, in every mode that migrates: refuse to start while the live database differs from the resources. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnMigrationMode({MigrationMode.APPLY, MigrationMode.VERIFY, MigrationMode.GENERATE})
    @ConditionalOnBooleanProperty(name = "ash.migrations.verify-catalog", matchIfMissing = true)
    AshCatalogVerifier ashCatalogVerifier(DataSource dataSource, ResourceRegistry registry, AshProperties properties,
                                          Environment environment, ResourceLoader resourceLoader) {
        return new AshCatalogVerifier(dataSource, registry, properties.getExtensions(),
                MigrationMode.resolve(environment, resourceLoader.getClassLoader()));
    }

    /** The verify mode: refuse to start while the resources differ from the committed changelogs. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnMigrationMode(MigrationMode.VERIFY)
    AshSchemaVerifier ashSchemaVerifier(ResourceRegistry registry, AshProperties properties, Environment environment,
                                        ResourceLoader resourceLoader) {
        return new AshSchemaVerifier(registry, properties.getExtensions(),
                ResourcePatternUtils.getResourcePatternResolver(resourceLoader), MigrationMode.changeLog(environment));
    }

    /** Reads filters and sorts from untrusted HTTP input, reaching only public attributes. */
    @Bean
    @ConditionalOnMissingBean
    QueryInput ashQueryInput(ResourceRegistry registry) {
        return new QueryInput(registry);
    }

    /** Writes a belongs_to {@code Ref} as its key (or loaded record) in the application's JSON. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
    AshJacksonModule ashJacksonModule() {
        return new AshJacksonModule();
    }

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization // the startup migration (or Spring Boot's Liquibase run) comes first
    AshRuntime ashRuntime(ResourceRegistry registry, DataSource dataSource, ObjectProvider<JdbcClient> jdbcClient,
                          ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<ReadRouting> reads) {
        return new AshRuntime(registry, jdbcClient.getIfAvailable(() -> JdbcClient.create(dataSource)),
                transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource)),
                reads.getIfAvailable(ReadRouting::primary)); // read replicas: AshReplicaAutoConfiguration
    }
}
