package io.ashspring.test;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers branch. Testcontainers is an optional dependency, so this class is loaded
 * only by {@link ServerLocator} after it has checked that the Testcontainers classes exist.
 */
final class TestcontainersServer {

    static final String CONTAINER_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";
    static final String IMAGE = "postgres:18";

    private static final Logger log = LoggerFactory.getLogger(TestcontainersServer.class);

    private TestcontainersServer() {
    }

    /** Starts a container, or returns {@code null} if no Docker daemon answers. */
    static PostgresServer startIfDockerAvailable() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            log.info("ash-test: no Docker daemon found for Testcontainers; using the embedded server");
            return null;
        }
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(IMAGE));
        try {
            container.start();
        }
        catch (RuntimeException ex) {
            container.stop();
            throw ex;
        }
        log.info("ash-test: started a {} container", IMAGE);
        return new PostgresServer(TestDatabase.Source.TESTCONTAINERS, container.getJdbcUrl(),
                container.getUsername(), container.getPassword(), container::stop);
    }
}
