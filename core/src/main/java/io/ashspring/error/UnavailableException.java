package io.ashspring.error;

/**
 * A record could not be read or written right now because another transaction holds a lock on it
 * and the query asked not to wait ({@code NOWAIT}), or a lock timeout expired (SQLSTATE
 * {@code 55P03}). Retrying later may succeed.
 */
public class UnavailableException extends AshException {

    private final String resource;

    /**
     * @param resource the resource's name
     * @param cause the database error
     */
    public UnavailableException(String resource, Throwable cause) {
        super(resource + " is unavailable: another transaction holds a lock on the records asked for; try again later",
                cause);
        this.resource = resource;
    }

    /** The resource's name. */
    public String resource() {
        return resource;
    }
}
