package io.ashspring.autoconfigure.schema;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Declares the startup migration beans ({@link AshSchemaInitializer}, {@link AshSchemaVerifier}) as database
 * initializers, ordered first: beans marked {@code @DependsOnDatabaseInitialization} (the runtime) wait for them,
 * and the other initializers (Spring Boot's Liquibase run, {@code spring.sql.init} scripts) run after them.
 */
class AshSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(AshSchemaInitializer.class, AshSchemaVerifier.class);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
