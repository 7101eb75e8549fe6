package io.ashspring.autoconfigure.repository;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.ashspring.autoconfigure.AshAutoConfiguration;
import io.ashspring.autoconfigure.fixtures.LibraryApplication;
import io.ashspring.autoconfigure.fixtures.library.Book;
import io.ashspring.autoconfigure.fixtures.library.BookRepository;
import io.ashspring.repository.AshRepository;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class AshRepositoriesAutoConfigurationTests {

    static String url;
    static String user;

    @BeforeAll
    static void database(TestDatabase database) {
        url = database.jdbcUrl();
        user = database.username() == null ? "postgres" : database.username();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        JdbcClientAutoConfiguration.class, AshAutoConfiguration.class, AshRepositoriesAutoConfiguration.class))
                .withUserConfiguration(LibraryApplication.class)
                .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + user);
    }

    @Test
    void registersTheRepositoriesOfTheApplicationsPackages() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(BookRepository.class);
            BookRepository books = context.getBean(BookRepository.class);
            Book created = books.create(Map.of("title", "Lathe of Heaven"));
            assertThat(books.findByTitle("Lathe of Heaven")).contains(created);
            assertThat(books.findByTitle("Nope")).isEmpty();
        });
    }

    @Test
    void backsOffWhenDisabled() {
        runner().withPropertyValues("ash.repositories.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AshRepository.class));
    }
}
