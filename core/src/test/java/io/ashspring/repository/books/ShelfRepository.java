package io.ashspring.repository.books;

import java.util.List;
import java.util.UUID;

import io.ashspring.repository.AshRepository;

public interface ShelfRepository extends AshRepository<Shelf, UUID> {

    List<Shelf> findByBookCountGreaterThan(long count);
}
