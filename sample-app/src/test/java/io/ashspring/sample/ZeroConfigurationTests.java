package io.ashspring.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ashspring.autoconfigure.embedded.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a user first runs it: no {@code @PostgresTest}, no database settings. The
 * starter's embedded PostgreSQL serves it and the tables are created from the resources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ZeroConfigurationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Environment environment;

    @Autowired
    EmbeddedPostgresServer embedded;

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheEmbeddedPostgresWithNoDatabaseSettings() throws SQLException {
        assertThat(environment.getProperty("spring.datasource.url")).isNull();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith(embedded.getJdbcUrl());
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(18);
        }

        http.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", "Works out of the box"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("open");
        http.get().uri("/tickets?status=open").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(1);
    }
}
