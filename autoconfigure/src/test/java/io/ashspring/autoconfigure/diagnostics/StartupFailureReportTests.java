package io.ashspring.autoconfigure.diagnostics;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import io.ashspring.autoconfigure.AshAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Applications that cannot start end with Spring Boot's short report, written by the analyzers
 * registered in {@code META-INF/spring.factories}, not with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

    /** The report: banner, description and action; a few lines more for a list of problems. */
    private static final int SHORT = 20;

    @Test
    void invalidResourceDeclarations(CapturedOutput output) {
        start("--ash.resources.packages=io.ashspring.autoconfigure.fixtures.broken",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-used");

        String report = report(output);
        assertThat(report).contains("2 problems in the resource declarations:",
                "Broken.payload: java.lang.Object is not a supported attribute type", "Change the declarations:");
        assertThat(report.lines()).hasSizeLessThan(SHORT);
    }

    @Test
    void aDatabaseThatIsDown(CapturedOutput output) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/library?password=s3cret";
        start("--ash.resources.packages=io.ashspring.autoconfigure.fixtures.library", "--ash.migrations.mode=generate",
                "--spring.datasource.url=" + url, "--spring.datasource.username=librarian");

        String report = report(output);
        assertThat(report).contains("Could not connect to the database at jdbc:postgresql://127.0.0.1:" + port
                + "/library?password=**** as user 'librarian'", "Start PostgreSQL");
        assertThat(report.lines()).hasSizeLessThan(SHORT);
        assertThat(output.getAll()).doesNotContain("s3cret");
    }

    @Test
    void aDatabaseThatIsDownWhenSpringBootsLiquibaseRunsTheChangelogs(CapturedOutput output) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SpringApplication application = new SpringApplication(Application.class, LiquibaseApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--ash.resources.packages=io.ashspring.autoconfigure.fixtures.library",
                "--ash.migrations.mode=apply", "--spring.liquibase.change-log=classpath:/db/test-master.yaml",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/library")).isNotNull();

        String report = report(output);
        assertThat(report).contains("Could not connect to the database at jdbc:postgresql://127.0.0.1:" + port
                + "/library: ", "Start PostgreSQL");
        assertThat(report.lines()).hasSizeLessThan(SHORT);
    }

    @Test
    void anUnknownMigrationMode(CapturedOutput output) {
        start("--ash.migrations.mode=sometimes", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-used");

        String report = report(output);
        assertThat(report).contains("ash.migrations.mode is 'sometimes', which is not a migration mode.");
        assertThat(report.lines()).hasSizeLessThan(SHORT);
    }

    private static void start(String... arguments) {
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run(arguments)).isNotNull();
    }

    /** From the report's banner to the end of the output. */
    private static String report(CapturedOutput output) {
        String all = output.getAll();
        int banner = all.indexOf("APPLICATION FAILED TO START");
        assertThat(banner).as("the failure report in:\n" + all).isNotNegative();
        return all.substring(all.lastIndexOf('\n', all.lastIndexOf('\n', banner) - 1) + 1);
    }

    /** Adds Spring Boot's Liquibase run, as an application with committed changelogs has it. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(LiquibaseAutoConfiguration.class)
    static class LiquibaseApplication {
    }

    /** Stands for an application: the data source and Ash, nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcClientAutoConfiguration.class, AshAutoConfiguration.class})
    static class Application {
    }
}
