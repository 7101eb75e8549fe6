package io.ashspring.autoconfigure.schema;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The starter brings Liquibase, and Spring Boot runs it whenever it is present. Spring Boot's
 * Liquibase run is what the {@code apply} mode is (and what {@code verify} does once the resources
 * match the committed state); in the other modes (and so by default while an application has no
 * master changelog, where Spring Boot would fail) it is turned off. Any
 * {@code spring.liquibase.enabled} the application sets wins.
 */
class LiquibaseChangelogEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String ENABLED = "spring.liquibase.enabled";
    static final String ANALYTICS = "liquibase.analytics.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent("liquibase.Liquibase", application.getClassLoader())) {
            return;
        }
        // Liquibase's usage analytics stay off unless the application turns them on
        if (System.getProperty(ANALYTICS) == null && !environment.containsProperty(ANALYTICS)) {
            System.setProperty(ANALYTICS, "false");
        }
        if (environment.containsProperty(ENABLED)) {
            return;
        }
        if (!MigrationMode.resolve(environment, application.getClassLoader()).runsCommittedChangelogs()) {
            DefaultPropertiesPropertySource.addOrMerge(Map.of(ENABLED, "false"), environment.getPropertySources());
        }
    }
}
