package io.ashspring.error;

/** No record has the given key. */
public class NotFoundException extends AshException {

    private final String resource;
    private final Object key;

    /**
     * @param resource the resource's name
     * @param key the primary key looked for (a value, or a map for composite keys)
     */
    public NotFoundException(String resource, Object key) {
        super(resource + " not found: no record with key " + key);
        this.resource = resource;
        this.key = key;
    }

    /** The resource's name. */
    public String resource() {
        return resource;
    }

    /** The key that was looked for. */
    public Object key() {
        return key;
    }
}
