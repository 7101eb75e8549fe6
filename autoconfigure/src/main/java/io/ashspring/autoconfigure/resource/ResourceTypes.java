package io.ashspring.autoconfigure.resource;

import java.util.List;

/**
 * The resource classes the application declares, as found by scanning; the input of the
 * {@code ResourceRegistry} bean.
 *
 * @param types the record classes
 */
public record ResourceTypes(List<Class<?>> types) {

    /** Canonical constructor: copies the list. */
    public ResourceTypes {
        types = List.copyOf(types);
    }
}
