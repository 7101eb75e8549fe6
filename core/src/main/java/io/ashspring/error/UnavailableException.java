package io.ashspring.error;

/**
 * A record could not be read or written right now; retrying later may succeed. {@link #reason()}
 * says why: another transaction holds a lock on it and the query asked not to wait
 * ({@link Reason#LOCK_NOT_AVAILABLE}), or the database cannot be reached at all
 * ({@link Reason#DATABASE_UNREACHABLE}). The message never quotes the cause, whose text may name the
 * server; the cause stays attached for the log.
 */
public class UnavailableException extends AshException {

    /** Why the records are unavailable; {@link #name()} is the code clients see. */
    public enum Reason {
        /** Another transaction holds a lock and the query said {@code NOWAIT}, or a lock timeout expired (SQLSTATE {@code 55P03}). */
        LOCK_NOT_AVAILABLE("another transaction holds a lock on the records asked for"),
        /**
         * No connection could be had (refused, timed out, the pool waited in vain) or the one in use was lost
         * (SQLSTATE class {@code 08}, a server shutting down).
         */
        DATABASE_UNREACHABLE("the database cannot be reached");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }
    }

    private final String resource;
    private final Reason reason;

    /**
     * A lock held elsewhere ({@link Reason#LOCK_NOT_AVAILABLE}).
     *
     * @param resource the resource's name
     * @param cause the database error
     */
    public UnavailableException(String resource, Throwable cause) {
        this(resource, Reason.LOCK_NOT_AVAILABLE, cause);
    }

    /**
     * @param resource the resource's name
     * @param reason why
     * @param cause the database error
     */
    public UnavailableException(String resource, Reason reason, Throwable cause) {
        super(resource + " is unavailable: " + reason.explanation + "; try again later", cause);
        this.resource = resource;
        this.reason = reason;
    }

    /** The resource's name. */
    public String resource() {
        return resource;
    }

    /** Why the records are unavailable. */
    public Reason reason() {
        return reason;
    }

    /** The reason as a code for clients, such as {@code DATABASE_UNREACHABLE}. */
    public String code() {
        return reason.name();
    }
}
