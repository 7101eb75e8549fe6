package io.ashspring.autoconfigure.embedded;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EmbeddedPostgresAutoConfiguration}. Each embedded start costs a second or
 * two, so only the tests that need a running server start one.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresAutoConfigurationTests {

    private static final String LOCAL_SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class,
                    DataSourceAutoConfiguration.class));

    @Test
    void startsPostgres18WhenNoDataSourceUrlIsSetAndStopsItWhenTheContextCloses(CapturedOutput output) {
        AtomicReference<Path> dataDirectory = new AtomicReference<>();
        AtomicInteger port = new AtomicInteger();
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgresServer.class);
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
            dataDirectory.set(server.getDataDirectory());
            port.set(server.getPort());
            assertThat(server.isTemporary()).isTrue();
            assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                    .isEqualTo(server.getJdbcUrl() + "?logServerErrorDetail=false");
            // Spring Boot's own auto-configuration built the pool from the connection details.
            assertThat(context).getBean(DataSource.class).isInstanceOf(HikariDataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 18.");
            // PostgreSQL's detail ("Failing row contains (..., hunter2, null)") stays out of exception messages
            jdbc.execute("CREATE TABLE secrets (secret text, body text NOT NULL)");
            assertThatExceptionOfType(DataIntegrityViolationException.class)
                    .isThrownBy(() -> jdbc.update("INSERT INTO secrets VALUES (?, NULL)", "hunter2"))
                    .withMessageContaining("violates not-null constraint")
                    .withMessageNotContaining("hunter2")
                    .withMessageNotContaining("Failing row");
        });
        assertThatExceptionOfType(ConnectException.class)
                .as("connecting to the server's port once the context is closed")
                .isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port.get()).close());
        // The temporary directory holding the data and the server's log.
        assertThat(dataDirectory.get().getParent()).as("temporary directory deleted at shutdown").doesNotExist();
        assertThat(output.toString().lines().filter((line) -> line.contains("Started embedded PostgreSQL 18.")))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains(" INFO ", "jdbc:postgresql://localhost:", "(data: " + dataDirectory.get());
    }

    @Test
    void usesTheConfiguredPortAndServerSettings() throws IOException {
        int port = freePort();
        this.contextRunner
                .withPropertyValues("ash.embedded.port=" + port, "ash.embedded.server-config.work_mem=7MB")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EmbeddedPostgresServer.class).getPort()).isEqualTo(port);
                    assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                            .isEqualTo("jdbc:postgresql://localhost:" + port + "/postgres?logServerErrorDetail=false");
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("SHOW work_mem", String.class)).isEqualTo("7MB");
                });
    }

    // One test for both, as each data directory costs an initdb.
    @Test
    void dataDirectoryKeepsTablesAcrossRestartsAndCannotBeUsedByTwoServersAtOnce(@TempDir Path tempDir) {
        // Not created beforehand: the server creates it.
        Path dataDirectory = tempDir.resolve("missing/pgdata");
        ApplicationContextRunner runner = this.contextRunner
                .withPropertyValues("ash.embedded.data-directory=" + dataDirectory);
        runner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(EmbeddedPostgresServer.class).getDataDirectory()).isEqualTo(dataDirectory);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE kept (name text)");
            jdbc.update("INSERT INTO kept VALUES ('survives a restart')");
        });
        assertThat(dataDirectory.resolve("PG_VERSION")).as("data directory kept at shutdown").exists();
        runner.run((context) -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT name FROM kept", String.class)).isEqualTo("survives a restart");
            runner.run((second) -> {
                assertThat(startupFailureMessages(second)).contains(dataDirectory.toString(),
                        "ash.embedded.data-directory", "locked by another running embedded PostgreSQL server");
                FailureAnalysis analysis = new EmbeddedPostgresFailureAnalyzer().analyze(second.getStartupFailure());
                assertThat(analysis.getDescription()).isEqualTo("Embedded PostgreSQL data directory " + dataDirectory
                        + " (set by 'ash.embedded.data-directory') is locked by another running embedded PostgreSQL "
                        + "server.");
                assertThat(analysis.getAction()).isEqualTo("Stop that server, or point 'ash.embedded.data-directory' "
                        + "at another directory.");
            });
            // The running server is unaffected.
            assertThat(jdbc.queryForObject("SELECT count(*) FROM kept", Integer.class)).isEqualTo(1);
        });
    }

    @Test
    void dataDirectoryThatIsNeitherEmptyNorPostgresGivesAClearError(@TempDir Path dataDirectory) throws IOException {
        Files.writeString(dataDirectory.resolve("notes.txt"), "not a database");
        this.contextRunner.withPropertyValues("ash.embedded.data-directory=" + dataDirectory)
                .run((context) -> {
                    assertThat(startupFailureMessages(context)).contains(dataDirectory.toString(),
                            "ash.embedded.data-directory", "neither empty nor a PostgreSQL data directory");
                    assertThat(new EmbeddedPostgresFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                        .isEqualTo("Point 'ash.embedded.data-directory' at an empty or missing directory.");
                });
    }

    @Test
    void portInUseGivesAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            this.contextRunner.withPropertyValues("ash.embedded.port=" + port)
                    .run((context) -> {
                        assertThat(startupFailureMessages(context)).contains("port " + port, "ash.embedded.port",
                                "already in use");
                        FailureAnalysis analysis = new EmbeddedPostgresFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).isEqualTo("Cannot start embedded PostgreSQL on port "
                                + port + " (set by 'ash.embedded.port'): the port is already in use.");
                        assertThat(analysis.getAction()).contains("set 'ash.embedded.port' to another port, or 0");
                    });
        }
    }

    @Test
    void backsOffWhenDataSourceUrlIsSet() {
        this.contextRunner
                .withPropertyValues("spring.datasource.url=" + LOCAL_SERVER_URL, "spring.datasource.username=postgres")
                .run((context) -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(LOCAL_SERVER_URL);
                    assertThat(ConditionEvaluationReport.get(context.getBeanFactory())
                            .getConditionAndOutcomesBySource()
                            .get(EmbeddedPostgresAutoConfiguration.class.getName()))
                            .anySatisfy((conditionAndOutcome) -> assertThat(
                                    conditionAndOutcome.getOutcome().getMessage())
                                    .contains("spring.datasource.url is set"));
                });
    }

    @Test
    void backsOffWhenDisabled() {
        this.contextRunner.withPropertyValues("ash.embedded.enabled=false")
                .run(EmbeddedPostgresAutoConfigurationTests::assertNoDatabaseConfigured);
    }

    @Test
    void backsOffWhenTheUserDefinesJdbcConnectionDetails() {
        this.contextRunner.withUserConfiguration(UserConnectionDetailsConfiguration.class).run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
            assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(LOCAL_SERVER_URL);
        });
    }

    @Test
    void backsOffWhenTheUserDefinesADataSource() {
        this.contextRunner.withUserConfiguration(UserDataSourceConfiguration.class).run((context) -> {
            assertThat(context).hasNotFailed()
                .doesNotHaveBean(EmbeddedPostgresServer.class)
                .doesNotHaveBean(JdbcConnectionDetails.class);
            assertThat(context).getBean(DataSource.class).isInstanceOf(PGSimpleDataSource.class);
        });
    }

    @Test
    void backsOffWhenEmbeddedPostgresIsNotOnTheClassPath() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(EmbeddedPostgres.class))
                .run(EmbeddedPostgresAutoConfigurationTests::assertNoDatabaseConfigured);
    }

    // With neither a URL nor the embedded server, Spring Boot fails as it does without Ash: nothing was contributed.
    private static void assertNoDatabaseConfigured(AssertableApplicationContext context) {
        assertThat(context).getFailure().hasMessageContaining("Failed to determine a suitable driver class");
    }

    private static String startupFailureMessages(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        StringBuilder messages = new StringBuilder();
        for (Throwable ex = context.getStartupFailure(); ex != null; ex = ex.getCause()) {
            messages.append(ex.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserConnectionDetailsConfiguration {

        @Bean
        JdbcConnectionDetails userConnectionDetails() {
            return new JdbcConnectionDetails() {

                @Override
                public String getUsername() {
                    return "postgres";
                }

                @Override
                public String getPassword() {
                    return "";
                }

                @Override
                public String getJdbcUrl() {
                    return LOCAL_SERVER_URL;
                }

            };
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class UserDataSourceConfiguration {

        @Bean
        DataSource userDataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(LOCAL_SERVER_URL);
            dataSource.setUser("postgres");
            return dataSource;
        }

    }

}
