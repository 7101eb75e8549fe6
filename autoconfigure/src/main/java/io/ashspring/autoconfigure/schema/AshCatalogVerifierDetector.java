package io.ashspring.autoconfigure.schema;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Declares {@link AshCatalogVerifier} a database initializer ordered last: it runs after the startup migration,
 * Spring Boot's Liquibase run and {@code spring.sql.init} scripts, and before the beans marked
 * {@code @DependsOnDatabaseInitialization} (the runtime).
 */
class AshCatalogVerifierDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(AshCatalogVerifier.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
