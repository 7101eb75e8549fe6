package io.ashspring.autoconfigure.schema;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The starter brings Liquibase, and Spring Boot's Liquibase auto-configuration fails when the
 * application has no master changelog yet. Until it has one (the migration generator writes it),
 * Ash creates the schema itself, so this turns Spring Boot's Liquibase run off by default. Any
 * {@code spring.liquibase.enabled} the application sets wins.
 */
class LiquibaseChangelogEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String ENABLED = "spring.liquibase.enabled";
    static final String CHANGE_LOG = "spring.liquibase.change-log";
    static final String DEFAULT_CHANGE_LOG = "classpath:/db/changelog/db.changelog-master.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent("liquibase.Liquibase", application.getClassLoader())
                || environment.containsProperty(ENABLED)) {
            return;
        }
        String location = environment.getProperty(CHANGE_LOG, DEFAULT_CHANGE_LOG);
        if (!new DefaultResourceLoader(application.getClassLoader()).getResource(location).exists()) {
            DefaultPropertiesPropertySource.addOrMerge(Map.of(ENABLED, "false"), environment.getPropertySources());
        }
    }
}
