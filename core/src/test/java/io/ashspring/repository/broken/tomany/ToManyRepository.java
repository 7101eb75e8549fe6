package io.ashspring.repository.broken.tomany;

import java.util.List;
import java.util.UUID;

import io.ashspring.repository.AshRepository;
import io.ashspring.repository.books.Book;
import io.ashspring.repository.books.Shelf;

public interface ToManyRepository extends AshRepository<Shelf, UUID> {

    List<Shelf> findByBooks(List<Book> books);
}
