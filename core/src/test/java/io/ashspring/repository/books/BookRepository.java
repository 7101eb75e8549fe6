package io.ashspring.repository.books;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

import io.ashspring.repository.AshRepository;

public interface BookRepository extends AshRepository<Book, UUID> {

    List<Book> findByAuthorOrderByTitle(String author);

    List<Book> findByAuthorIgnoreCase(String author);

    Optional<Book> findByTitle(String title);

    Book findOneByTitle(String title);

    List<Book> findByPagesGreaterThanAndPublishedTrue(int pages);

    List<Book> findByPagesBetweenOrderByPagesDesc(int min, int max);

    List<Book> findByTitleContainingOrAuthorStartingWith(String part, String prefix);

    List<Book> findByTitleContainingIgnoreCase(String part);

    List<Book> findByTagsContaining(String tag);

    List<Book> findByGenreIn(Collection<Book.Genre> genres);

    List<Book> findByAuthorIsNull();

    List<Book> findByAuthor(String author, Sort sort);

    Set<Book> findByGenre(Book.Genre genre);

    List<Book> findByReleasedOnBefore(LocalDate date);

    List<Book> findByShelf(UUID shelf);

    List<Book> findByDoublePagesGreaterThan(int doublePages);

    List<Book> findFirst2ByOrderByPagesDesc();

    List<Book> findByPublished(boolean published, Limit limit);

    Page<Book> findByPublished(boolean published, Pageable pageable);

    Slice<Book> findSliceByPublished(boolean published, Pageable pageable);

    Window<Book> findAllBy(ScrollPosition position, Limit limit, Sort sort);

    Stream<Book> streamByGenre(Book.Genre genre);

    long countByAuthor(String author);

    boolean existsByTitle(String title);

    Optional<Book> findByAuthorAndPublishedTrue(String author);
}
