package io.ashspring.autoconfigure.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.autoconfigure.fixtures.library.Author;
import io.ashspring.autoconfigure.fixtures.library.Book;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A database that is down, through the MVC stack: a read of a resource and the application's own
 * JDBC answer 503 problem+json with {@code Retry-After} at once, naming neither the server nor the
 * user.
 */
class DatabaseUnreachableTests {

    HikariDataSource pool;
    int port;
    MockMvc mvc;

    @BeforeEach
    void databaseThatIsDown() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/library");
        pool.setUsername("librarian");
        pool.setPassword("s3cret");
        pool.setConnectionTimeout(1000);
        AshRuntime ash = AshRuntime.of(ResourceRegistry.of(Author.class, Book.class), pool);
        mvc = MockMvcBuilders.standaloneSetup(new BookController(ash.service(Book.class), new JdbcTemplate(pool)))
                .setControllerAdvice(new AshProblemDetailsExceptionHandler()).build();
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aReadAnswers503ProblemJsonWithRetryAfter() throws Exception {
        long start = System.nanoTime();
        MvcResult result = mvc.perform(get("/books"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Service unavailable"))
                .andExpect(jsonPath("$.type").value("urn:ash:database-unreachable"))
                .andExpect(jsonPath("$.code").value("DATABASE_UNREACHABLE"))
                .andExpect(jsonPath("$.resource").value("Book"))
                .andExpect(jsonPath("$.detail").value("The database cannot be reached right now; try again later"))
                .andReturn();
        assertThat(System.nanoTime() - start).as("answered in nanoseconds").isLessThan(5_000_000_000L);
        assertLeaksNothing(result);
    }

    @Test
    void theApplicationsOwnJdbcAnswers503Too() throws Exception {
        MvcResult result = mvc.perform(get("/books/count"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("DATABASE_UNREACHABLE"))
                .andReturn();
        assertLeaksNothing(result);
    }

    private void assertLeaksNothing(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain(String.valueOf(port), "127.0.0.1", "jdbc:", "librarian", "s3cret");
    }

    /** Stands for an application controller over the resource and its own queries. */
    @RestController
    static class BookController {
        private final ResourceService<Book> books;
        private final JdbcTemplate jdbc;

        BookController(ResourceService<Book> books, JdbcTemplate jdbc) {
            this.books = books;
            this.jdbc = jdbc;
        }

        @GetMapping("/books")
        List<Book> books() {
            return books.read(Query.all());
        }

        @GetMapping("/books/count")
        Long count() {
            return jdbc.queryForObject("SELECT count(*) FROM books", Long.class);
        }
    }
}
