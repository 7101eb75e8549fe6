package io.ashspring.migrate;

/** A migration could not be built or applied. */
public final class MigrationException extends RuntimeException {

    MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
