package io.ashspring.error;

import java.util.Objects;

/**
 * One thing wrong with one field of an input or a stored record.
 *
 * @param field the attribute (or relationship) name, as the resource declares it
 * @param message a human sentence fragment ("is required", "has already been taken")
 * @param code a stable machine code ({@code required}, {@code unique}, {@code max_length}...)
 */
public record FieldError(String field, String message, String code) {

    /** Canonical constructor: all parts are required. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}
