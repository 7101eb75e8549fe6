package io.ashspring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds or starts the PostgreSQL server for this JVM: external URL, then Testcontainers, then embedded. */
final class ServerLocator {

    static final String URL_PROPERTY = "ash.test.jdbc-url";
    static final String URL_VARIABLE = "ASH_TEST_JDBC_URL";
    static final String TESTCONTAINERS_PROPERTY = "ash.test.testcontainers";
    static final String TESTCONTAINERS_VARIABLE = "ASH_TEST_TESTCONTAINERS";

    private static final Logger log = LoggerFactory.getLogger(ServerLocator.class);

    private ServerLocator() {
    }

    static PostgresServer start() {
        String url = configuredUrl();
        if (url != null) {
            return external(url);
        }
        PostgresServer container = testcontainers();
        if (container != null) {
            return container;
        }
        return embedded();
    }

    /** The external server's URL from the system property or the environment, or {@code null}. */
    static String configuredUrl() {
        String url = setting(URL_PROPERTY, URL_VARIABLE);
        if (url == null) {
            return null;
        }
        if (!url.startsWith(JdbcUrls.PREFIX)) {
            throw new IllegalStateException(URL_VARIABLE + " / " + URL_PROPERTY + " must be a PostgreSQL JDBC URL"
                    + " such as jdbc:postgresql://127.0.0.1:5432/test?user=postgres, not: " + JdbcUrls.redact(url));
        }
        return url;
    }

    /** System property first, then environment variable; blank and unresolved {@code ${...}} count as unset. */
    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (isUnset(value)) {
            value = System.getenv(variable);
        }
        return isUnset(value) ? null : value.trim();
    }

    // Maven passes an undefined ${env.X} through literally, for example into surefire's environment.
    static boolean isUnset(String value) {
        return value == null || value.isBlank() || value.trim().startsWith("${");
    }

    private static PostgresServer external(String url) {
        log.info("ash-test: using the external PostgreSQL server {}", JdbcUrls.redact(url));
        return new PostgresServer(TestDatabase.Source.EXTERNAL, url, JdbcUrls.queryParameter(url, "user"),
                JdbcUrls.queryParameter(url, "password"), null);
    }

    private static PostgresServer testcontainers() {
        if ("false".equalsIgnoreCase(setting(TESTCONTAINERS_PROPERTY, TESTCONTAINERS_VARIABLE))) {
            log.debug("ash-test: Testcontainers disabled by {} / {}", TESTCONTAINERS_PROPERTY, TESTCONTAINERS_VARIABLE);
            return null;
        }
        // Without any sign of Docker, skip Testcontainers: its own probe logs a multi-line ERROR.
        if (!dockerMayBeAvailable()) {
            log.debug("ash-test: no DOCKER_HOST, Testcontainers configuration or Docker socket found; "
                    + "using the embedded server");
            return null;
        }
        // Testcontainers is optional: touch TestcontainersServer only once its classes are known to load.
        ClassLoader loader = ServerLocator.class.getClassLoader();
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, loader);
            Class.forName(TestcontainersServer.CONTAINER_CLASS, false, loader);
        }
        catch (ClassNotFoundException | LinkageError ex) {
            log.debug("ash-test: Testcontainers is not on the classpath; using the embedded server");
            return null;
        }
        try {
            return TestcontainersServer.startIfDockerAvailable();
        }
        catch (Exception | LinkageError ex) {
            log.warn("ash-test: Testcontainers could not start {} ({}); using the embedded server",
                    TestcontainersServer.IMAGE, ex.toString());
            return null;
        }
    }

    /**
     * A cheap look for the places where Testcontainers finds a Docker daemon: DOCKER_HOST, its
     * properties file (docker.host, tc.host), and the usual Unix sockets. On Windows, where the
     * daemon is a named pipe, Testcontainers is always asked.
     */
    static boolean dockerMayBeAvailable() {
        if (!isUnset(System.getenv("DOCKER_HOST")) || System.getProperty("os.name", "").startsWith("Windows")) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        List<Path> candidates = new ArrayList<>(List.of(Path.of(home, ".testcontainers.properties"),
                Path.of("/var/run/docker.sock"), Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (!isUnset(runtimeDir)) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, ".docker", "run", "docker.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    private static PostgresServer embedded() {
        try {
            // Our own shutdown hook stops it, after any databases are dropped.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("ash-test: started an embedded PostgreSQL server on port {}", postgres.getPort());
            return new PostgresServer(TestDatabase.Source.EMBEDDED, url, "postgres", null, postgres);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", ex);
        }
    }
}
