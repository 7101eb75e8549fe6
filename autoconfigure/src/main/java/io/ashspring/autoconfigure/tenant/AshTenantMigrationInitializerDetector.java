package io.ashspring.autoconfigure.tenant;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Declares {@link AshTenantMigrationInitializer} a database initializer ordered after the global migrations (Ash's
 * startup migration, Spring Boot's Liquibase run) and before the catalog check: tenant tables may reference global
 * ones, and the runtime waits for every tenant.
 */
class AshTenantMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(AshTenantMigrationInitializer.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
