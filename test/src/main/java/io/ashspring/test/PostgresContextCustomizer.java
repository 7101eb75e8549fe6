package io.ashspring.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the test class's database as the highest-precedence property source. It is part of
 * Spring's context cache key, so equality by test class gives each class its own context.
 */
final class PostgresContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "ashTestDatabase";

    private final Class<?> testClass;

    PostgresContextCustomizer(Class<?> testClass) {
        this.testClass = testClass;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        TestDatabase database = ClassDatabases.entry(testClass).database();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        if (database.username() != null) {
            properties.put("spring.datasource.username", database.username());
        }
        if (database.password() != null) {
            properties.put("spring.datasource.password", database.password());
        }
        // The test database replaces the starter's own embedded server.
        properties.put("ash.embedded.enabled", "false");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostgresContextCustomizer that && testClass == that.testClass;
    }

    @Override
    public int hashCode() {
        return testClass.hashCode();
    }

    @Override
    public String toString() {
        return "PostgresContextCustomizer[" + testClass.getName() + "]";
    }
}
