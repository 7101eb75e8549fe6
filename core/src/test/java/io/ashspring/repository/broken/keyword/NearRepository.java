package io.ashspring.repository.broken.keyword;

import java.util.List;
import java.util.UUID;

import io.ashspring.repository.AshRepository;
import io.ashspring.repository.books.Book;

public interface NearRepository extends AshRepository<Book, UUID> {

    List<Book> findByPagesNear(int pages);
}
