package io.ashspring.test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs only when ASH_TEST_JDBC_URL (or ash.test.jdbc-url) names a server. */
@EnabledIf("externalServerConfigured")
@PostgresTest
class ExternalServerTests {

    static boolean externalServerConfigured() {
        return ServerLocator.configuredUrl() != null;
    }

    @Test
    void theDatabaseLivesOnTheConfiguredServerWithItsParameters(TestDatabase database) {
        String configured = ServerLocator.configuredUrl();

        assertThat(database.source()).isEqualTo(TestDatabase.Source.EXTERNAL);
        assertThat(database.jdbcUrl()).isEqualTo(JdbcUrls.withDatabase(configured, database.databaseName()));
        assertThat(database.username()).isEqualTo(JdbcUrls.queryParameter(configured, "user"));
        assertThat(database.password()).isEqualTo(JdbcUrls.queryParameter(configured, "password"));
        assertThat(Jdbc.queryString(database.dataSource(), "SELECT current_database()")).isEqualTo(database.databaseName());
    }

    @Test
    void theDatabasesOfAJvmAreDroppedWhenItExits() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File output = File.createTempFile("ash-test-child", ".log");
        output.deleteOnExit();
        Process child = new ProcessBuilder(java, "-cp", classpath, "-Dash.test.jdbc-url=" + ServerLocator.configuredUrl(),
                "-Dash.test.testcontainers=false", FreshDatabaseMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output)
            .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(output.toPath(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(log).isZero();

        List<String> created = log.lines().filter(l -> l.startsWith("DATABASE=")).map(l -> l.substring(9)).toList();
        assertThat(created).as(log).hasSize(2).allMatch(name -> name.matches("ash_(t|tpl)_[a-z0-9]+"));
        String names = created.stream().map(name -> "'" + name + "'").collect(Collectors.joining(","));
        assertThat(Jdbc.queryString(admin(), "SELECT count(*) FROM pg_database WHERE datname IN (" + names + ")"))
            .isEqualTo("0");
    }

    private static javax.sql.DataSource admin() {
        return new TestDatabase(ServerLocator.configuredUrl(), null, null, "admin", 0, TestDatabase.Source.EXTERNAL)
            .dataSource();
    }
}
