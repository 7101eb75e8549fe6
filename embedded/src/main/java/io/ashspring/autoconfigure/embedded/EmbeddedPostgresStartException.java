package io.ashspring.autoconfigure.embedded;

import org.jspecify.annotations.Nullable;

/**
 * Embedded PostgreSQL could not start: its data directory is locked by another server or unusable,
 * its port is taken, or the server failed. {@link #getMessage()} is the {@link #description()}
 * followed by the {@link #action()}; Spring Boot's startup failure report shows them apart.
 */
public class EmbeddedPostgresStartException extends IllegalStateException {

    private final String description;

    private final String action;

    EmbeddedPostgresStartException(String description, String action, @Nullable Throwable cause) {
        super(description + " " + action, cause);
        this.description = description;
        this.action = action;
    }

    /**
     * Returns what is wrong, naming the directory or port and the property that set it.
     * @return the description
     */
    public String description() {
        return this.description;
    }

    /**
     * Returns what to do about it.
     * @return the action
     */
    public String action() {
        return this.action;
    }

}
