package io.ashspring.test;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

// @SpringJUnitConfig first, so Spring asks for the database before the JUnit extension's beforeAll.
@SpringJUnitConfig(SpringHookTests.Config.class)
@PostgresTest(extensions = "citext")
class SpringHookTests {

    @Autowired
    private Environment environment;

    @Autowired
    private DataSource dataSource;

    @Test
    void springSeesTheSameDatabaseAsTheJunitExtension(TestDatabase database) {
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(database.username());
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(database.password());
        assertThat(Jdbc.queryString(dataSource, "SELECT current_database()")).isEqualTo(database.databaseName());
        assertThat(Jdbc.hasExtension(dataSource, "citext")).isTrue();
    }

    @Test
    void theStartersEmbeddedServerIsSwitchedOff() {
        assertThat(environment.getProperty("ash.embedded.enabled")).isEqualTo("false");
    }

    @Test
    void theFactoryIsRegisteredInSpringFactories() {
        List<ContextCustomizerFactory> factories = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(ContextCustomizerFactory.class);
        assertThat(factories).hasAtLeastOneElementOfType(PostgresContextCustomizerFactory.class);
    }

    @Test
    void customizersAreEqualPerTestClassSoEachClassGetsItsOwnContext() {
        PostgresContextCustomizerFactory factory = new PostgresContextCustomizerFactory();

        assertThat(factory.createContextCustomizer(SpringHookTests.class, List.of()))
            .isEqualTo(factory.createContextCustomizer(SpringHookTests.class, List.of()))
            .hasSameHashCodeAs(factory.createContextCustomizer(SpringHookTests.class, List.of()))
            .isNotEqualTo(factory.createContextCustomizer(PostgresTestAnnotationTests.class, List.of()));
        // Nested classes use the database, and so the context, of their enclosing class.
        assertThat(factory.createContextCustomizer(NestedClasses.class, List.of()))
            .isEqualTo(factory.createContextCustomizer(SpringHookTests.class, List.of()));
    }

    @Test
    void classesWithoutTheAnnotationAreLeftAlone() {
        assertThat(new PostgresContextCustomizerFactory().createContextCustomizer(JdbcUrlsTests.class, List.of()))
            .isNull();
    }

    @Nested
    class NestedClasses {

        @Autowired
        private DataSource nestedDataSource;

        @Test
        void seeTheDatabaseOfTheEnclosingClass(TestDatabase database) {
            assertThat(Jdbc.queryString(nestedDataSource, "SELECT current_database()")).isEqualTo(database.databaseName());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        DataSource dataSource(@Value("${spring.datasource.url}") String url,
                @Value("${spring.datasource.username:#{null}}") String username,
                @Value("${spring.datasource.password:#{null}}") String password) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(url);
            if (username != null) {
                dataSource.setUser(username);
            }
            if (password != null) {
                dataSource.setPassword(password);
            }
            return dataSource;
        }
    }
}
