package io.ashspring.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points the Spring test context of a {@link PostgresTest} class at that class's database.
 * Registered in {@code META-INF/spring.factories}; only Spring loads this class, so ash-test works
 * without spring-test on the classpath.
 */
final class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        Class<?> owner = ClassDatabases.owner(testClass);
        // Only the owning class goes into the customizer: the database is made when a context is built.
        return owner == null ? null : new PostgresContextCustomizer(owner);
    }
}
