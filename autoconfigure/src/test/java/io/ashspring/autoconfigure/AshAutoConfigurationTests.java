package io.ashspring.autoconfigure;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.autoconfigure.fixtures.LibraryApplication;
import io.ashspring.autoconfigure.fixtures.library.Author;
import io.ashspring.autoconfigure.fixtures.library.Book;
import io.ashspring.autoconfigure.schema.AshSchemaInitializer;
import io.ashspring.error.InvalidException;
import io.ashspring.resource.ResourceModelException;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

@PostgresTest
class AshAutoConfigurationTests {

    static String url;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class, AshAutoConfiguration.class))
            .withUserConfiguration(LibraryApplication.class)
            .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + user);

    static String user;

    @BeforeAll
    static void database(TestDatabase database) {
        url = database.jdbcUrl();
        user = database.username() == null ? "postgres" : database.username();
    }

    @SuppressWarnings("unchecked")
    private static <T> ResourceService<T> service(org.springframework.context.ApplicationContext context, Class<T> type) {
        return (ResourceService<T>) context.getBeanProvider(ResolvableType.forClassWithGenerics(ResourceService.class, type))
                .getObject();
    }

    @Test
    void registersTheRegistryAndOneServicePerResourceInjectableByGenericType() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ResourceRegistry.class).hasSingleBean(AshRuntime.class)
                    .hasSingleBean(io.ashspring.resource.AshJacksonModule.class).hasSingleBean(io.ashspring.query.QueryInput.class);
            assertThat(context.getBean(ResourceRegistry.class).resources()).extracting(r -> (Object) r.type())
                    .containsExactlyInAnyOrder(Author.class, Book.class);
            ResourceService<Author> authors = service(context, Author.class);
            ResourceService<Book> books = service(context, Book.class);
            Author author = authors.create(Map.of("name", "Ursula"));
            Book book = books.create(Map.of("title", "The Dispossessed " + UUID.randomUUID(), "author", author.id()));
            assertThat(book.id()).isPositive();
            assertThat(books.get(book.id())).isEqualTo(book);
        });
    }

    @Test
    void createsTheTablesAtStartupAndAgainWithoutHarmOnTheNextStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AshSchemaInitializer.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'books_unique_title_index'")
                    .query(Long.class).single()).isEqualTo(1);
        });
    }

    @Test
    void errorsOfTheDatabaseComeBackAsFieldErrors() {
        runner.run(context -> {
            ResourceService<Book> books = service(context, Book.class);
            String title = "Duplicate " + UUID.randomUUID();
            books.create(Map.of("title", title));
            assertThatThrownBy(() -> books.create(Map.of("title", title))).isInstanceOfSatisfying(InvalidException.class,
                    e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("title");
                        assertThat(f.code()).isEqualTo("unique");
                    }));
        });
    }

    @Test
    void resourcePackagesCanBeConfigured() {
        runner.withPropertyValues("ash.resources.packages=io.ashspring.autoconfigure.fixtures.broken").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ResourceModelException.class)
                    .hasMessageContaining("Broken.payload: java.lang.Object is not a supported attribute type")
                    .hasMessageContaining("Broken.check positive: names the unknown attribute 'amount'");
        });
    }

    @Test
    void schemaCreationCanBeTurnedOff() {
        runner.withPropertyValues("ash.migrations.mode=none",
                        "ash.resources.packages=io.ashspring.autoconfigure.fixtures.library")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AshSchemaInitializer.class)
                        .hasSingleBean(AshRuntime.class));
    }

    @Test
    void withAMasterChangelogTheSchemaIsLeftToSpringBootsLiquibaseRun() {
        runner.withPropertyValues("spring.liquibase.change-log=classpath:/db/test-master.yaml")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AshSchemaInitializer.class)
                        .hasSingleBean(AshRuntime.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnRegistry() {
        runner.withUserConfiguration(OwnRegistry.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ResourceRegistry.class)).isSameAs(OwnRegistry.registry);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnServiceOfAResource() {
        runner.withUserConfiguration(OwnBookService.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(service(context, Book.class)).isSameAs(context.getBean("myBooks"));
            assertThat(context.getBeanNamesForType(ResolvableType.forClassWithGenerics(ResourceService.class, Book.class)))
                    .containsExactly("myBooks");
            assertThat(service(context, Author.class)).isNotNull();
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnRuntime() {
        runner.withUserConfiguration(OwnRuntime.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AshRuntime.class)).isSameAs(OwnRuntime.runtime);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        static ResourceRegistry registry;

        @Bean
        ResourceRegistry myRegistry() {
            registry = ResourceRegistry.of(Author.class, Book.class);
            return registry;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBookService {
        @Bean
        @SuppressWarnings("unchecked")
        ResourceService<Book> myBooks() {
            return mock(ResourceService.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRuntime {
        static AshRuntime runtime;

        @Bean
        AshRuntime myRuntime(javax.sql.DataSource dataSource, ResourceRegistry registry) {
            runtime = AshRuntime.of(registry, dataSource);
            return runtime;
        }
    }
}
