package io.ashspring.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import io.ashspring.query.Query;
import io.ashspring.runtime.ResourceService;

/**
 * The implementation of {@link AshRepository}'s own methods: each one call of the resource's service.
 *
 * @param <T> the resource's record type
 * @param <ID> its primary key type
 */
public class SimpleAshRepository<T, ID> implements AshRepository<T, ID> {

    private final ResourceService<T> service;

    public SimpleAshRepository(ResourceService<T> service) {
        this.service = service;
    }

    @Override
    public Optional<T> findById(ID id) {
        return service.find(id);
    }

    @Override
    public T getById(ID id) {
        return service.get(id);
    }

    @Override
    public boolean existsById(ID id) {
        return service.find(id, Query.all().select()).isPresent();
    }

    @Override
    public List<T> findAll() {
        return service.readAll();
    }

    @Override
    public List<T> findAll(Query query) {
        return service.read(query);
    }

    @Override
    public Page<T> findAll(Query query, Pageable pageable) {
        return service.page(query, pageable);
    }

    @Override
    public long count() {
        return service.count(Query.all());
    }

    @Override
    public long count(Query query) {
        return service.count(query);
    }

    @Override
    public T create(Map<String, ?> input) {
        return service.create(input);
    }

    @Override
    public T update(ID id, Map<String, ?> changes) {
        return service.update(id, changes);
    }

    @Override
    public void deleteById(ID id) {
        service.destroy(id);
    }

    @Override
    public ResourceService<T> service() {
        return service;
    }
}
