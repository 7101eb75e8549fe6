package io.ashspring.error;

/** Base of every exception Ash for Spring throws at run time. */
public abstract class AshException extends RuntimeException {

    protected AshException(String message) {
        super(message);
    }

    protected AshException(String message, Throwable cause) {
        super(message, cause);
    }
}
