package io.ashspring.autoconfigure.schema;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.ashspring.autoconfigure.AshAutoConfiguration;
import io.ashspring.autoconfigure.fixtures.LibraryApplication;
import io.ashspring.test.TestDatabase;

/** The application the startup tests start: a data source on a test database, Spring Boot's Liquibase run and Ash. */
public final class StartupRunners {

    private StartupRunners() {
    }

    /** A runner on this database, with the resources of this package. */
    public static ApplicationContextRunner on(TestDatabase database, String packages) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        JdbcClientAutoConfiguration.class, LiquibaseAutoConfiguration.class, AshAutoConfiguration.class))
                .withUserConfiguration(LibraryApplication.class)
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + (database.username() == null ? "postgres" : database.username()),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "ash.resources.packages=" + packages);
    }
}
