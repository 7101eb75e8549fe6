package io.ashspring.autoconfigure.schema;

import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;

/** How the schema follows the resources at startup ({@code ash.migrations.mode}). */
public enum MigrationMode {

    /** Run the committed changelogs through Spring Boot's Liquibase integration. */
    APPLY,
    /** Create what the resources need from a changelog built in memory from the model. */
    GENERATE,
    /** Leave the schema alone. */
    NONE;

    static final String PROPERTY = "ash.migrations.mode";
    static final String CHANGE_LOG = "spring.liquibase.change-log";
    static final String DEFAULT_CHANGE_LOG = "classpath:/db/changelog/db.changelog-master.yaml";

    /**
     * The configured mode; without one, {@link #APPLY} when the master changelog
     * ({@code spring.liquibase.change-log}) exists and {@link #GENERATE} otherwise.
     */
    public static MigrationMode resolve(Environment environment, ClassLoader classLoader) {
        String configured = environment.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                return valueOf(configured.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PROPERTY + "=" + configured + " is not a mode: use apply, generate or none");
            }
        }
        String location = environment.getProperty(CHANGE_LOG, DEFAULT_CHANGE_LOG);
        return new DefaultResourceLoader(classLoader).getResource(location).exists() ? APPLY : GENERATE;
    }
}
