package io.ashspring.error;

/** A query names something the resource does not have, or compares it with an impossible value. */
public class InvalidQueryException extends AshException {

    private final String resource;
    private final String field;

    /**
     * @param resource the resource's name
     * @param field the attribute or sort key at fault
     * @param message what is wrong
     */
    public InvalidQueryException(String resource, String field, String message) {
        super(resource + "." + field + ": " + message);
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
