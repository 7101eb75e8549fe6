package io.ashspring.error;

/**
 * A query names something the resource does not have, compares it with an impossible value (one
 * that cannot be converted, or that PostgreSQL cannot take: a NUL character, a number or a date
 * outside its range), or exceeds a limit of PostgreSQL.
 */
public class InvalidQueryException extends AshException {

    private final String resource;
    private final String field;

    /**
     * @param resource the resource's name
     * @param field the attribute or sort key at fault
     * @param message what is wrong
     */
    public InvalidQueryException(String resource, String field, String message) {
        this(resource, field, message, null);
    }

    /**
     * @param resource the resource's name
     * @param field the attribute or sort key at fault
     * @param message what is wrong
     * @param cause the database error it came from, without the values it held, if any
     */
    public InvalidQueryException(String resource, String field, String message, Throwable cause) {
        super(resource + "." + field + ": " + message, cause);
        this.resource = resource;
        this.field = field;
    }

    /** The resource's name. */
    public String resource() {
        return resource;
    }

    /** The attribute or sort key at fault. */
    public String field() {
        return field;
    }
}
