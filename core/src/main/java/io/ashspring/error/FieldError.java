package io.ashspring.error;

import java.util.Objects;

/**
 * One thing wrong with one field of an input or a stored record.
 *
 * @param field the attribute (or relationship) name, as the resource declares it
 * @param message a human sentence fragment ("is required", "has already been taken")
 * @param code a stable machine code ({@code required}, {@code unique}, {@code max_length}...)
 * @param index in a bulk write, the position of the input in the list given (from 0); {@code null}
 *        for a single write
 */
public record FieldError(String field, String message, String code, Integer index) {

    /** Canonical constructor: field, message and code are required. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    /** An error of a single write (no input index). */
    public FieldError(String field, String message, String code) {
        this(field, message, code, null);
    }

    /** This error as one of the input at {@code position} of a bulk write. */
    public FieldError atIndex(int position) {
        return new FieldError(field, message, code, position);
    }

    @Override
    public String toString() {
        return (index == null ? "" : "[" + index + "] ") + field + " " + message;
    }
}
