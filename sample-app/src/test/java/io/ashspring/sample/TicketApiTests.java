package io.ashspring.sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The tickets API end to end: real HTTP, a real PostgreSQL database of this class's own. */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class TicketApiTests {

    @Autowired
    RestTestClient http;

    @Autowired
    DataSource dataSource;

    HelpdeskClient api;

    @BeforeEach
    void emptyTables() {
        api = new HelpdeskClient(http);
        JdbcClient.create(dataSource).sql("TRUNCATE comments, tickets, representatives CASCADE").update();
    }

    @Test
    void createAnswers201WithTheStoredTicketAndItsLocation() {
        Instant before = Instant.now().minusSeconds(5);
        var result = http.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", "Printer on fire"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(HelpdeskClient.JSON).returnResult();
        Map<String, Object> ticket = result.getResponseBody();
        assertThat(ticket).containsEntry("subject", "Printer on fire").containsEntry("status", "open")
                .containsEntry("priority", 1).containsEntry("representativeId", null)
                .containsEntry("planId", null)
                .containsEntry("version", 1)
                .containsOnlyKeys("id", "subject", "status", "priority", "representativeId", "planId", "insertedAt",
                        "updatedAt", "version");
        String id = (String) ticket.get("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(Instant.parse((String) ticket.get("insertedAt"))).isAfter(before);
        assertThat(ticket.get("updatedAt")).isEqualTo(ticket.get("insertedAt"));
        assertThat(result.getResponseHeaders().getLocation()).hasPath("/tickets/" + id);

        http.get().uri(result.getResponseHeaders().getLocation()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("Printer on fire");
    }

    @Test
    void aBlankSubjectIs422NamingSubject() {
        api.post("/tickets", Map.of("subject", "  "))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.title").isEqualTo("Invalid input")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("subject")
                .jsonPath("$.errors[0].message").isEqualTo("is required")
                .jsonPath("$.errors[0].code").isEqualTo("required");
    }

    @Test
    void aSubjectOver200CharactersIs422() {
        api.post("/tickets", Map.of("subject", "x".repeat(201)))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("subject")
                .jsonPath("$.errors[0].code").isEqualTo("max_length");
    }

    @Test
    void aDuplicateSubjectIs422HasAlreadyBeenTaken() {
        api.post("/tickets", Map.of("subject", "Printer on fire")).expectStatus().isCreated();

        api.post("/tickets", Map.of("subject", "Printer on fire"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("subject")
                .jsonPath("$.errors[0].message").isEqualTo("has already been taken")
                .jsonPath("$.errors[0].code").isEqualTo("unique");
    }

    @Test
    void aPriorityOutsideTheCheckConstraintIs422WithItsMessage() {
        api.post("/tickets", Map.of("subject", "Urgent!", "priority", 9))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("priority")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 1 and 5")
                .jsonPath("$.errors[0].code").isEqualTo("check");
    }

    @Test
    void unknownFieldsAndWrongTypesAreFieldErrorsReportedTogether() {
        api.post("/tickets", Map.of("subject", "Printer on fire", "colour", "red", "priority", "high"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'colour')].code").isEqualTo("unknown_field")
                .jsonPath("$.errors[?(@.field == 'priority')].code").isEqualTo("invalid");
        http.get().uri("/tickets").exchange()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void generatedAttributesCannotBeWritten() {
        api.post("/tickets", Map.of("subject", "Printer on fire", "insertedAt", "2020-01-01T00:00:00Z"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("insertedAt")
                .jsonPath("$.errors[0].code").isEqualTo("not_writable");
    }

    @Test
    void listFiltersByStatusSortsAndPages() {
        for (int i = 1; i <= 5; i++) {
            api.post("/tickets", Map.of("subject", "Open " + i, "priority", i)).expectStatus().isCreated();
        }
        api.post("/tickets", Map.of("subject", "Closed", "status", "closed")).expectStatus().isCreated();

        http.get().uri("/tickets?status=open&sort=-priority&page=0&size=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.content[0].subject").isEqualTo("Open 5")
                .jsonPath("$.content[1].subject").isEqualTo("Open 4")
                .jsonPath("$.page.number").isEqualTo(0)
                .jsonPath("$.page.size").isEqualTo(2)
                .jsonPath("$.page.totalElements").isEqualTo(5)
                .jsonPath("$.page.totalPages").isEqualTo(3);

        http.get().uri("/tickets?status=open&sort=-priority&page=2&size=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Open 1"))
                .jsonPath("$.page.totalPages").isEqualTo(3);

        http.get().uri("/tickets?status=closed").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Closed"))
                .jsonPath("$.page.totalElements").isEqualTo(1);

        // no filter, default sort: newest first
        http.get().uri("/tickets").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].subject").isEqualTo("Closed")
                .jsonPath("$.page.size").isEqualTo(20)
                .jsonPath("$.page.totalElements").isEqualTo(6);
    }

    @Test
    void listFiltersSortsAndLoadsCommentsAndTheirCount() {
        Object busy = api.created("/tickets", Map.of("subject", "Busy", "priority", 2)).get("id");
        Object quiet = api.created("/tickets", Map.of("subject", "Quiet", "priority", 4)).get("id");
        for (String body : List.of("one", "two", "three")) {
            api.post("/tickets/" + busy + "/comments", Map.of("body", body)).expectStatus().isCreated();
        }
        http.get().uri("/tickets?filter[commentCount][gt]=0&load=comments,commentCount").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Busy"))
                .jsonPath("$.content[0].commentCount").isEqualTo(3)
                .jsonPath("$.content[0].comments.length()").isEqualTo(3);
        http.get().uri("/tickets?sort=-commentCount,subject&load=commentCount").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Busy", "Quiet"))
                .jsonPath("$.content[1].commentCount").isEqualTo(0)
                .jsonPath("$.content[1].comments").doesNotExist();
        http.get().uri("/tickets?filter[priority][gte]=3").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].id").isEqualTo(List.of(quiet));
        http.get().uri("/tickets?load=nothing").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("nothing");
    }

    @Test
    void sortingOnSomethingThatIsNotAPublicAttributeIs400NamingIt() {
        http.get().uri("/tickets?sort=-comments").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.field").isEqualTo("comments");
    }

    @Test
    void anUnknownStatusInTheFilterIs400() {
        http.get().uri("/tickets?status=lost").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("status");
    }

    @Test
    void aPageSizeOutOfRangeIs400() {
        http.get().uri("/tickets?size=1000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("size");
    }

    @Test
    void anUnknownIdIs404Problem() {
        http.get().uri("/tickets/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void aMalformedIdIs404() {
        http.get().uri("/tickets/not-a-uuid").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void patchChangesOnlyTheGivenAttributes() {
        Map<String, Object> created = api.created("/tickets", Map.of("subject", "Printer on fire"));
        String id = (String) created.get("id");

        var updated = http.patch().uri("/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "closed", "priority", 3))
                .exchange()
                .expectStatus().isOk()
                .expectBody(HelpdeskClient.JSON).returnResult().getResponseBody();
        assertThat(updated).containsEntry("id", id).containsEntry("subject", "Printer on fire")
                .containsEntry("status", "closed").containsEntry("priority", 3)
                .containsEntry("insertedAt", created.get("insertedAt"));
        assertThat(Instant.parse((String) updated.get("updatedAt")))
                .isAfter(Instant.parse((String) created.get("updatedAt")));

        http.get().uri("/tickets/{id}", id).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("closed");
    }

    @Test
    void patchWithInvalidInputIs422AndChangesNothing() {
        String id = (String) api.created("/tickets", Map.of("subject", "Printer on fire")).get("id");

        http.patch().uri("/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "lost", "priority", 2))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");

        http.get().uri("/tickets/{id}", id).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("open").jsonPath("$.priority").isEqualTo(1);
    }

    @Test
    void patchOfAnUnknownTicketIs404() {
        http.patch().uri("/tickets/{id}", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("priority", 2))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void deleteIs204ThenTheTicketIsGone() {
        String id = (String) api.created("/tickets", Map.of("subject", "Printer on fire")).get("id");

        http.delete().uri("/tickets/{id}", id).exchange().expectStatus().isNoContent().expectBody().isEmpty();
        http.get().uri("/tickets/{id}", id).exchange().expectStatus().isNotFound();
        http.delete().uri("/tickets/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void malformedJsonIs400Problem() {
        http.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON).body("{\"subject\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // ---------------------------------------------------------------- input PostgreSQL cannot take: 4xx, never 500

    @Test
    void aNulCharacterInTheSearchIs400NamingTheField() {
        api.create("/tickets", Map.of("subject", "Printer on fire"));
        http.get().uri("/tickets?q={q}", "\u0000").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.resource").isEqualTo("Ticket")
                .jsonPath("$.field").isEqualTo("subject")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("NUL character"));
        http.get().uri("/tickets?filter[subject][contains]={q}", "a\u0000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("subject");
    }

    @Test
    void aNulCharacterInASubjectIs422NamingTheField() {
        api.post("/tickets", Map.of("subject", "a\u0000b"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.resource").isEqualTo("Ticket")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("subject")
                .jsonPath("$.errors[0].code").isEqualTo("null_character");
    }

    @Test
    void aLikePatternEndingInABackslashIs400() {
        api.create("/tickets", Map.of("subject", "abcdef"));
        http.get().uri("/tickets?filter[subject][like]={pattern}", "abc\\").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.field").isEqualTo("subject")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("escape character"));
    }
}
