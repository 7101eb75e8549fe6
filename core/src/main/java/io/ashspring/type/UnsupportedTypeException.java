package io.ashspring.type;

/** A Java type that has no mapping to a PostgreSQL type. */
public final class UnsupportedTypeException extends RuntimeException {

    UnsupportedTypeException(String message) {
        super(message);
    }
}
