package io.ashspring.sample;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Notes over HTTP: the X-Tenant header picks the organization, and two organizations never see each other's notes. */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class NoteApiTests {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    RestTestClient http;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyTable() {
        JdbcClient.create(dataSource).sql("TRUNCATE notes").update();
    }

    private Map<String, Object> create(String tenant, String body) {
        return http.post().uri("/notes").header("X-Tenant", tenant).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", body)).exchange().expectStatus().isCreated()
                .expectBody(HelpdeskClient.JSON).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> list(String tenant) {
        return http.get().uri("/notes").header("X-Tenant", tenant).exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
    }

    @Test
    void twoOrganizationsNeverSeeEachOthersNotes() {
        Map<String, Object> acme = create("acme", "Call the printer vendor");
        create("globex", "Renew the support plan");

        assertThat(acme).containsEntry("organizationId", "acme");
        assertThat(list("acme")).extracting(n -> n.get("body")).containsExactly("Call the printer vendor");
        assertThat(list("globex")).extracting(n -> n.get("body")).containsExactly("Renew the support plan");
        http.get().uri("/notes/" + acme.get("id")).header("X-Tenant", "globex").exchange().expectStatus().isNotFound();
        http.delete().uri("/notes/" + acme.get("id")).header("X-Tenant", "globex").exchange().expectStatus().isNotFound();
        http.get().uri("/notes/" + acme.get("id")).header("X-Tenant", "acme").exchange().expectStatus().isOk();
    }

    @Test
    void aNoteNamingAnotherOrganizationIsRefused() {
        http.post().uri("/notes").header("X-Tenant", "acme").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "sneaky", "organizationId", "globex")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organizationId")
                .jsonPath("$.errors[0].code").isEqualTo("tenant_mismatch");
        assertThat(list("globex")).isEmpty();
    }

    @Test
    void withoutTheHeaderOrWithAnInvalidTenantTheAnswerIs400() {
        http.get().uri("/notes").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:ash:tenant-required")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Note", "X-Tenant"));
        http.get().uri("/notes").header("X-Tenant", "acme;DROP TABLE notes").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:ash:invalid-tenant");
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM notes").query(Long.class).single()).isZero();
    }

    @Test
    void otherResourcesNeedNoTenant() {
        http.get().uri("/tickets").exchange().expectStatus().isOk();
    }
}
