package io.ashspring.error;

/**
 * An update or destroy was refused because the record changed since it was read: its
 * {@code @Version} attribute no longer holds the version the caller expected (another writer got
 * there first). Nothing was written. Read the record again and retry, or show the user the
 * conflict; web applications answer 409 Conflict.
 */
public class StaleRecordException extends AshException {

    private final String resource;
    private final Object key;
    private final String versionAttribute;
    private final Object expectedVersion;

    /**
     * @param resource the resource's name
     * @param key the primary key (a value, or a map for composite keys)
     * @param versionAttribute the name of the version attribute
     * @param expectedVersion the version the caller expected
     */
    public StaleRecordException(String resource, Object key, String versionAttribute, Object expectedVersion) {
        super(resource + " " + key + " is stale: it is no longer at " + versionAttribute + " " + expectedVersion
                + " (another writer changed or replaced it since it was read); nothing was written. "
                + "Read it again and retry");
        this.resource = resource;
        this.key = key;
        this.versionAttribute = versionAttribute;
        this.expectedVersion = expectedVersion;
    }

    /** The resource's name. */
    public String resource() {
        return resource;
    }

    /** The record's primary key. */
    public Object key() {
        return key;
    }

    /** The name of the version attribute. */
    public String versionAttribute() {
        return versionAttribute;
    }

    /** The version the caller expected the record to be at. */
    public Object expectedVersion() {
        return expectedVersion;
    }
}
