package io.ashspring.repository;

import java.util.Map;

import org.springframework.data.repository.core.EntityInformation;

import io.ashspring.resource.model.ResourceModel;
import io.ashspring.runtime.ResourceService;

/**
 * What Spring Data needs to know of a resource: its record type, its key type and how to read a
 * record's key. A record is never "new": records come from the database, and input is a map.
 */
final class AshEntityInformation<T, ID> implements EntityInformation<T, ID> {

    private final ResourceService<T> service;
    private final Class<T> type;

    AshEntityInformation(ResourceService<T> service, Class<T> type) {
        this.service = service;
        this.type = type;
    }

    @Override
    public boolean isNew(T entity) {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ID getId(T entity) {
        return (ID) service.key(entity);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<ID> getIdType() {
        return (Class<ID>) keyType(service.resource());
    }

    @Override
    public Class<T> getJavaType() {
        return type;
    }

    /** The Java type of a resource's key: its key attribute's, or {@code Map} for a composite key. */
    static Class<?> keyType(ResourceModel resource) {
        return resource.primaryKey().size() == 1 ? resource.primaryKey().get(0).type().javaType() : Map.class;
    }
}
