package io.ashspring.repository.broken.keytype;

import io.ashspring.repository.AshRepository;
import io.ashspring.repository.books.Book;

public interface WrongKeyRepository extends AshRepository<Book, Long> {
}
