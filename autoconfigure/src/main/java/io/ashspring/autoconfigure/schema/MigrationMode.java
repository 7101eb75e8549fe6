package io.ashspring.autoconfigure.schema;

import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;

/** How the schema follows the resources at startup ({@code ash.migrations.mode}). */
public enum MigrationMode {

    /** Run the committed changelogs through Spring Boot's Liquibase integration. */
    APPLY,
    /**
     * Diff the resources against the state recorded in the database ({@code ash_schema_state}) and apply
     * a changelog built in memory; never drops.
     */
    GENERATE,
    /**
     * Refuse to start while the resources differ from the committed changelogs' state files; otherwise
     * as {@link #APPLY}.
     */
    VERIFY,
    /** Leave the schema alone. */
    NONE;

    static final String PROPERTY = "ash.migrations.mode";
    static final String VERIFY_CATALOG = "ash.migrations.verify-catalog";
    static final String CHANGE_LOG = "spring.liquibase.change-log";
    static final String DEFAULT_CHANGE_LOG = "classpath:/db/changelog/db.changelog-master.yaml";

    /**
     * The configured mode; without one, {@link #APPLY} when the master changelog
     * ({@code spring.liquibase.change-log}) exists and {@link #GENERATE} otherwise.
     *
     * @throws InvalidMigrationModeException when {@code ash.migrations.mode} names no mode, listing the modes
     */
    public static MigrationMode resolve(Environment environment, ClassLoader classLoader) {
        String configured = environment.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                return valueOf(configured.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidMigrationModeException(configured);
            }
        }
        return new DefaultResourceLoader(classLoader).getResource(changeLog(environment)).exists() ? APPLY : GENERATE;
    }

    /**
     * The master changelog's location, as Spring Boot's Liquibase integration reads it.
     * @param environment the environment
     * @return the location ({@code spring.liquibase.change-log}, or its default)
     */
    public static String changeLog(Environment environment) {
        return environment.getProperty(CHANGE_LOG, DEFAULT_CHANGE_LOG);
    }

    /** Whether Spring Boot's Liquibase integration runs the committed changelogs in this mode. */
    boolean runsCommittedChangelogs() {
        return this == APPLY || this == VERIFY;
    }

    /** The value of {@code ash.migrations.mode} that selects this mode. */
    String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
