package io.ashspring.autoconfigure.jdbc;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * HikariCP waits 30 seconds for a connection by default, so while the database is down every request
 * hangs that long before failing. This sets {@code spring.datasource.hikari.connection-timeout} to
 * {@value #DEFAULT_MILLIS} ms in the lowest-precedence property source (Spring Boot's
 * {@code defaultProperties}), so a request fails in seconds with a 503 instead. Any value the
 * application sets, in any property source, wins.
 */
class ConnectionTimeoutEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "spring.datasource.hikari.connection-timeout";
    /** Milliseconds: Hikari binds the property to a {@code long} of milliseconds. */
    static final String DEFAULT_MILLIS = "5000";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", application.getClassLoader())
                || environment.containsProperty(PROPERTY)) {
            return;
        }
        DefaultPropertiesPropertySource.addOrMerge(Map.of(PROPERTY, DEFAULT_MILLIS), environment.getPropertySources());
    }
}
