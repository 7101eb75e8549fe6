package io.ashspring.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

import io.ashspring.error.NotFoundException;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.repository.books.Book;
import io.ashspring.repository.books.Book.Genre;
import io.ashspring.repository.books.BookRepository;
import io.ashspring.repository.books.Shelf;
import io.ashspring.repository.books.ShelfRepository;
import io.ashspring.repository.broken.keytype.WrongKeyRepository;
import io.ashspring.repository.broken.keyword.NearRepository;
import io.ashspring.repository.broken.tomany.ToManyRepository;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Code-interface repositories in a plain Spring context: base methods, methods derived from their
 * names (every supported keyword, each return type) and startup errors naming the method.
 */
@PostgresTest
class RepositoryTests {

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Book.class, Shelf.class);
    static AshRuntime runtime;
    static AnnotationConfigApplicationContext context;
    static BookRepository books;
    static ShelfRepository shelves;
    static Shelf a;
    static Shelf b;

    @Configuration
    @EnableAshRepositories(basePackageClasses = BookRepository.class)
    static class Books {
    }

    @BeforeAll
    static void start(TestDatabase database) {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        runtime = AshRuntime.of(REGISTRY, database.dataSource());
        context = context(Books.class);
        books = context.getBean(BookRepository.class);
        shelves = context.getBean(ShelfRepository.class);
        a = shelves.create(Map.of("name", "A"));
        b = shelves.create(Map.of("name", "B"));
        book("Dune", "Herbert", 600, true, Genre.NOVEL, LocalDate.of(1965, 8, 1), List.of("scifi", "classic"), a);
        book("Ariel", "Plath", 100, true, Genre.POETRY, LocalDate.of(1965, 1, 1), List.of("poetry"), b);
        book("Cosmos", "Sagan", 400, true, Genre.SCIENCE, LocalDate.of(1980, 1, 1), List.of("science", "classic"), a);
        book("Draft", null, 50, false, Genre.NOVEL, null, List.of(), null);
        book("Dune Messiah", "Herbert", 300, true, Genre.NOVEL, LocalDate.of(1969, 1, 1), List.of("scifi"), a);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static AnnotationConfigApplicationContext context(Class<?> configuration) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(AshRuntime.class, () -> runtime);
        context.register(configuration);
        context.refresh();
        return context;
    }

    private static void book(String title, String author, int pages, boolean published, Genre genre, LocalDate released,
                             List<String> tags, Shelf shelf) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("author", author);
        input.put("pages", pages);
        input.put("published", published);
        input.put("genre", genre);
        input.put("releasedOn", released);
        input.put("tags", tags);
        input.put("shelf", shelf == null ? null : shelf.id());
        books.create(input);
    }

    private static List<String> titles(Iterable<Book> read) {
        List<String> titles = new ArrayList<>();
        read.forEach(book -> titles.add(book.title()));
        return titles;
    }

    @Test
    void equalityOrderingAndCase() {
        assertThat(titles(books.findByAuthorOrderByTitle("Herbert"))).containsExactly("Dune", "Dune Messiah");
        assertThat(titles(books.findByAuthorIgnoreCase("hERBERT"))).containsExactlyInAnyOrder("Dune", "Dune Messiah");
        assertThat(books.findByTitle("Dune")).get().extracting(Book::author).isEqualTo("Herbert");
        assertThat(books.findByTitle("Nope")).isEmpty();
        assertThat(books.findOneByTitle("Nope")).isNull();
        // a null argument compares with IS NULL, as Spring Data does
        assertThat(titles(books.findByAuthor(null, Sort.unsorted()))).containsExactly("Draft");
        assertThat(titles(books.findByAuthor("Herbert", Sort.by(Sort.Direction.DESC, "pages"))))
                .containsExactly("Dune", "Dune Messiah");
        assertThat(titles(books.findByAuthorIsNull())).containsExactly("Draft");
        assertThat(titles(books.findByGenre(Genre.NOVEL))).containsExactlyInAnyOrder("Dune", "Draft", "Dune Messiah");
    }

    @Test
    void comparisonsTextArraysAndSets() {
        assertThat(titles(books.findByPagesGreaterThanAndPublishedTrue(350))).containsExactlyInAnyOrder("Dune", "Cosmos");
        assertThat(titles(books.findByPagesBetweenOrderByPagesDesc(100, 400)))
                .containsExactly("Cosmos", "Dune Messiah", "Ariel");
        assertThat(titles(books.findByTitleContainingOrAuthorStartingWith("os", "Pl")))
                .containsExactlyInAnyOrder("Cosmos", "Ariel");
        assertThat(titles(books.findByTitleContainingIgnoreCase("DUNE"))).containsExactlyInAnyOrder("Dune", "Dune Messiah");
        // the argument is a literal substring: % matches only a %
        assertThat(books.findByTitleContainingIgnoreCase("%")).isEmpty();
        assertThat(titles(books.findByTagsContaining("classic"))).containsExactlyInAnyOrder("Dune", "Cosmos");
        assertThat(titles(books.findByGenreIn(List.of(Genre.POETRY, Genre.SCIENCE)))).containsExactlyInAnyOrder("Ariel", "Cosmos");
        assertThat(titles(books.findByReleasedOnBefore(LocalDate.of(1966, 1, 1)))).containsExactlyInAnyOrder("Ariel", "Dune");
    }

    @Test
    void belongsToKeysCalculationsAndAggregates() {
        assertThat(titles(books.findByShelf(a.id()))).containsExactlyInAnyOrder("Dune", "Cosmos", "Dune Messiah");
        assertThat(titles(books.findByDoublePagesGreaterThan(1000))).containsExactly("Dune");
        assertThat(shelves.findByBookCountGreaterThan(1)).extracting(Shelf::name).containsExactly("A");
    }

    @Test
    void limitsPagesSlicesWindowsStreamsCountsAndExists() {
        assertThat(titles(books.findFirst2ByOrderByPagesDesc())).containsExactly("Dune", "Cosmos");
        assertThat(books.findByPublished(true, Limit.of(1))).hasSize(1);

        Page<Book> page = books.findByPublished(true, PageRequest.of(0, 2, Sort.by("title")));
        assertThat(page.getTotalElements()).isEqualTo(4);
        assertThat(titles(page.getContent())).containsExactly("Ariel", "Cosmos");
        Slice<Book> slice = books.findSliceByPublished(true, PageRequest.of(1, 2, Sort.by("title")));
        assertThat(titles(slice.getContent())).containsExactly("Dune", "Dune Messiah");
        assertThat(slice.hasNext()).isFalse();

        List<String> scrolled = new ArrayList<>();
        Window<Book> window = books.findAllBy(ScrollPosition.keyset(), Limit.of(2), Sort.by("title"));
        scrolled.addAll(titles(window.getContent()));
        while (window.hasNext()) {
            window = books.findAllBy(window.positionAt(window.size() - 1), Limit.of(2), Sort.by("title"));
            scrolled.addAll(titles(window.getContent()));
        }
        assertThat(scrolled).containsExactly("Ariel", "Cosmos", "Draft", "Dune", "Dune Messiah");

        try (Stream<Book> novels = books.streamByGenre(Genre.NOVEL)) {
            assertThat(novels.map(Book::title)).containsExactlyInAnyOrder("Dune", "Draft", "Dune Messiah");
        }
        assertThat(books.countByAuthor("Herbert")).isEqualTo(2);
        assertThat(books.existsByTitle("Cosmos")).isTrue();
        assertThat(books.existsByTitle("Nope")).isFalse();
        assertThatThrownBy(() -> books.findByAuthorAndPublishedTrue("Herbert"))
                .isInstanceOf(IncorrectResultSizeDataAccessException.class)
                .hasMessageContaining("BookRepository.findByAuthorAndPublishedTrue returns one Book but more than one matches");
    }

    @Test
    void baseMethodsRunTheService() {
        Book poem = books.create(Map.of("title", "Howl", "author", "Ginsberg", "pages", 30));
        assertThat(books.findById(poem.id())).get().extracting(Book::title).isEqualTo("Howl");
        assertThat(books.existsById(poem.id())).isTrue();
        assertThat(books.update(poem.id(), Map.of("pages", 31)).pages()).isEqualTo(31);
        assertThat(books.count()).isEqualTo(6);
        assertThat(books.count(Query.all().where("author", "Ginsberg"))).isEqualTo(1);
        assertThat(titles(books.findAll(Query.all().where("author", "Ginsberg")))).containsExactly("Howl");
        assertThat(books.findAll()).hasSize(6);
        assertThat(books.service().resource().name()).isEqualTo("Book");
        books.deleteById(poem.id());
        assertThat(books.existsById(poem.id())).isFalse();
        assertThatThrownBy(() -> books.getById(poem.id())).isInstanceOf(NotFoundException.class);
        assertThat(books.findAll()).hasSize(5);
    }

    @Configuration
    @EnableAshRepositories(basePackageClasses = WrongKeyRepository.class)
    static class WrongKey {
    }

    @Configuration
    @EnableAshRepositories(basePackageClasses = NearRepository.class)
    static class UnsupportedKeyword {
    }

    @Configuration
    @EnableAshRepositories(basePackageClasses = ToManyRepository.class)
    static class ToMany {
    }

    @Test
    void mistakesAreStartupErrorsNamingTheMethod() {
        assertThatThrownBy(() -> context(WrongKey.class)).rootCause()
                .hasMessageContaining("WrongKeyRepository: the key type is Long but the primary key of Book is a UUID. "
                        + "Fix: declare AshRepository<Book, UUID>");
        assertThatThrownBy(() -> context(UnsupportedKeyword.class)).rootCause()
                .hasMessageContaining("NearRepository.findByPagesNear: the keyword Near is not supported");
        assertThatThrownBy(() -> context(ToMany.class)).rootCause()
                .hasMessageContaining("ToManyRepository.findByBooks: books is a has_many relationship");
    }
}
