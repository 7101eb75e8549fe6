package io.ashspring.autoconfigure.schema;

/** {@code ash.migrations.mode} names no {@link MigrationMode}; the message lists the modes. */
public final class InvalidMigrationModeException extends IllegalStateException {

    private final String value;

    InvalidMigrationModeException(String value) {
        super(MigrationMode.PROPERTY + "=" + value + " is not a mode: use apply, generate, verify or none");
        this.value = value;
    }

    /** The value configured. */
    public String value() {
        return value;
    }
}
