package io.ashspring.autoconfigure.tenant;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

import io.ashspring.autoconfigure.AshAutoConfiguration;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.tenant.ManagedTenants;
import io.ashspring.migrate.tenant.TenantChangelog;
import io.ashspring.migrate.tenant.TenantMigrator;
import io.ashspring.migrate.tenant.TenantSource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;

/**
 * Tenant schema migrations ({@code ash.tenancy.migrations.*}): when the resources have schema-per-tenant tables or
 * a {@code @ManageTenant} resource, every tenant is migrated at startup after the global migrations,
 * {@link AshTenantMigrations} migrates at run time, and creating or renaming a {@code @ManageTenant} record creates
 * or renames its schema. The tenants come from a {@link TenantSource} bean, else from the {@code @ManageTenant}
 * records. See {@code docs/tenant-migrations.md}.
 */
@AutoConfiguration(after = AshAutoConfiguration.class)
@ConditionalOnBean({DataSource.class, ResourceRegistry.class})
@ConditionalOnBooleanProperty(name = "ash.tenancy.migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AshTenantMigrationProperties.class)
public final class AshTenantMigrationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantMigrator ashTenantMigrator(DataSource dataSource, ResourceRegistry registry, AshTenantMigrationProperties properties,
                                     ResourceLoader resourceLoader) {
        TenantChangelog changelog = TenantChangelog.fromClasspath(properties.getChangeLog(), resourceLoader.getClassLoader());
        if (!changelog.exists()) {
            if (MigrationGenerator.hasTenantTables(registry)) {
                LoggerFactory.getLogger(AshTenantMigrationAutoConfiguration.class).info("No tenant changelog at {}: tenant schemas "
                        + "get the resources' tenant tables from an in-memory changelog. Generate the tenant changelogs with "
                        + "./mvnw ash:codegen before the tables change", properties.getChangeLog());
            }
            changelog = TenantChangelog.of(registry);
        }
        return new TenantMigrator(dataSource, changelog).withParallelism(properties.getParallelism())
                .withRetries(properties.getRetries());
    }

    @Bean
    @ConditionalOnMissingBean
    AshTenantMigrations ashTenantMigrations(TenantMigrator migrator, ObjectProvider<TenantSource> source, DataSource dataSource,
                                            ResourceRegistry registry) {
        TenantSource tenants = source.getIfAvailable(() -> managedTenants(dataSource, migrator, registry));
        return new AshTenantMigrations(migrator, tenants::tenants);
    }

    /** Startup: every tenant, after the global migrations; only when there are tenant tables to migrate. */
    @Bean
    @ConditionalOnMissingBean
    AshTenantMigrationInitializer ashTenantMigrationInitializer(AshTenantMigrations migrations, ResourceRegistry registry,
                                                                AshTenantMigrationProperties properties) {
        return new AshTenantMigrationInitializer(MigrationGenerator.hasTenantTables(registry) ? migrations
                : new AshTenantMigrations(migrations.migrator(), List::of), properties.isFailOnError());
    }

    /** {@code @ManageTenant}: the write hook on the runtime. */
    @Bean
    @ConditionalOnBean(AshRuntime.class)
    ManagedTenants ashManagedTenants(AshRuntime runtime, DataSource dataSource, TenantMigrator migrator) {
        ManagedTenants hook = new ManagedTenants(dataSource, migrator, runtime.registry());
        if (ManagedTenants.any(runtime.registry())) {
            runtime.addWriteHook(hook);
        }
        return hook;
    }

    /**
     * The tenants the {@code @ManageTenant} records name, read through a runtime of its own (the application's waits
     * for the startup migrations, which need the tenants first).
     */
    private static TenantSource managedTenants(DataSource dataSource, TenantMigrator migrator, ResourceRegistry registry) {
        if (!ManagedTenants.any(registry)) {
            return List::of;
        }
        ManagedTenants managed = new ManagedTenants(dataSource, migrator, registry);
        return () -> managed.tenants(AshRuntime.of(registry, dataSource));
    }
}
