package io.ashspring.autoconfigure.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool's connection timeout: 5 s unless the application sets one, in any form. */
class ConnectionTimeoutEnvironmentPostProcessorTests {

    /** A data source pointing nowhere: the pool is only built, never connected. */
    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none")
            .withInitializer(context -> new ConnectionTimeoutEnvironmentPostProcessor()
                    .postProcessEnvironment(context.getEnvironment(), new SpringApplication()));

    @Test
    void hikariWaitsFiveSecondsForAConnectionByDefault() {
        contexts.run(context -> assertThat(context.getBean(HikariDataSource.class).getConnectionTimeout())
                .isEqualTo(5000));
    }

    @Test
    void theApplicationsTimeoutWins() {
        contexts.withPropertyValues("spring.datasource.hikari.connection-timeout=1234")
                .run(context -> assertThat(context.getBean(HikariDataSource.class).getConnectionTimeout())
                        .isEqualTo(1234));
    }

    @Test
    void theApplicationsTimeoutWinsInItsCamelCaseFormToo() {
        contexts.withPropertyValues("spring.datasource.hikari.connectionTimeout=2345")
                .run(context -> assertThat(context.getBean(HikariDataSource.class).getConnectionTimeout())
                        .isEqualTo(2345));
    }

    @Test
    void springBootAppliesItThroughSpringFactories() {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off",
                "--ash.migrations.mode=none")) {
            assertThat(context.getEnvironment().getProperty(ConnectionTimeoutEnvironmentPostProcessor.PROPERTY))
                    .isEqualTo("5000");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
