package io.ashspring.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ashspring.query.Query;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments and representatives over HTTP, and what PostgreSQL does to related rows: comments
 * are deleted with their ticket (ON DELETE CASCADE), tickets lose a deleted representative
 * (ON DELETE SET NULL).
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RelationshipApiTests {

    @Autowired
    RestTestClient http;

    // the services the application injects are there for tests too
    @Autowired
    ResourceService<Comment> comments;

    @Autowired
    ResourceService<Representative> representatives;

    HelpdeskClient api;

    @BeforeEach
    void client() {
        api = new HelpdeskClient(http);
    }

    @Test
    void commentsAreAddedToATicketAndListedInOrder() {
        String ticket = api.create("/tickets", Map.of("subject", "Comments in order"));

        var first = api.created("/tickets/" + ticket + "/comments", Map.of("body", "First"));
        assertThat(first).containsEntry("ticketId", ticket).containsEntry("body", "First")
                .containsKeys("id", "insertedAt");
        api.create("/tickets/" + ticket + "/comments", Map.of("body", "Second"));

        http.get().uri("/tickets/{id}/comments", ticket).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].body").isEqualTo(List.of("First", "Second"))
                .jsonPath("$[0].ticketId").isEqualTo(ticket);
    }

    @Test
    void aCommentNeedsABodyAndAnExistingTicket() {
        String ticket = api.create("/tickets", Map.of("subject", "Comment validation"));

        api.post("/tickets/" + ticket + "/comments", Map.of())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].code").isEqualTo("required");

        api.post("/tickets/" + UUID.randomUUID() + "/comments", Map.of("body", "Anyone?"))
                .expectStatus().isNotFound();
        http.get().uri("/tickets/{id}/comments", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void deletingATicketDeletesItsComments() {
        String ticket = api.create("/tickets", Map.of("subject", "Cascade"));
        String other = api.create("/tickets", Map.of("subject", "Bystander"));
        api.create("/tickets/" + ticket + "/comments", Map.of("body", "One"));
        api.create("/tickets/" + ticket + "/comments", Map.of("body", "Two"));
        api.create("/tickets/" + other + "/comments", Map.of("body", "Stays"));
        assertThat(comments.count(Query.all().where("ticketId", ticket))).isEqualTo(2);

        http.delete().uri("/tickets/{id}", ticket).exchange().expectStatus().isNoContent();

        http.get().uri("/tickets/{id}", ticket).exchange().expectStatus().isNotFound();
        http.get().uri("/tickets/{id}/comments", ticket).exchange().expectStatus().isNotFound();
        assertThat(comments.count(Query.all().where("ticketId", ticket))).isZero();
        http.get().uri("/tickets/{id}/comments", other).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].body").isEqualTo(List.of("Stays"));
    }

    @Test
    void ticketsAreAssignedToARepresentativeByKey() {
        String rosa = api.create("/representatives", Map.of("name", "Rosa", "email", "rosa@example.com"));

        String ticket = api.create("/tickets", Map.of("subject", "Assigned", "representativeId", rosa));
        http.get().uri("/tickets/{id}", ticket).exchange()
                .expectBody().jsonPath("$.representativeId").isEqualTo(rosa);

        api.post("/tickets", Map.of("subject", "Assigned to nobody", "representativeId", UUID.randomUUID()))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("representativeId")
                .jsonPath("$.errors[0].message").isEqualTo("does not exist");
    }

    @Test
    void deletingARepresentativeUnassignsTheirTickets() {
        String sam = api.create("/representatives", Map.of("name", "Sam", "email", "sam@example.com"));
        String ticket = api.create("/tickets", Map.of("subject", "Nilify", "representativeId", sam));

        http.delete().uri("/representatives/{id}", sam).exchange().expectStatus().isNoContent();

        http.get().uri("/representatives/{id}", sam).exchange().expectStatus().isNotFound();
        http.get().uri("/tickets/{id}", ticket).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("Nilify")
                .jsonPath("$.representativeId").value(id -> assertThat(id).isNull());
    }

    @Test
    void emailsAreUniqueRegardlessOfCase() {
        api.create("/representatives", Map.of("name", "Kim", "email", "kim@example.com"));

        api.post("/representatives", Map.of("name", "Kim again", "email", "KIM@Example.com"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("email")
                .jsonPath("$.errors[0].message").isEqualTo("has already been taken");
    }

    @Test
    void theApiTokenIsGeneratedNeverShownNeverWrittenAndNotSortable() {
        var created = api.created("/representatives", Map.of("name", "Lee", "email", "lee@example.com"));
        assertThat(created).containsOnlyKeys("id", "name", "email", "status", "backupId");
        Representative lee = representatives.get(created.get("id"));
        assertThat(lee.apiToken()).isNotBlank();
        assertThat(lee.toString()).contains("apiToken=**redacted**").doesNotContain(lee.apiToken());

        api.post("/representatives", Map.of("name", "Mallory", "apiToken", "chosen"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("apiToken")
                .jsonPath("$.errors[0].code").isEqualTo("not_writable");

        http.get().uri("/representatives?sort=apiToken").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("apiToken");
        http.get().uri("/representatives?sort=-name").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].name").exists();
    }
}
