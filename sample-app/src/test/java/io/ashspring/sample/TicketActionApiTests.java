package io.ashspring.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/**
 * The ticket actions over HTTP, through {@link TicketRepository}: close with a reason, escalate
 * in the database, the urgent read action, a representative's tickets (a derived method), and
 * optimistic locking on PATCH.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class TicketActionApiTests {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

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
    void closeRecordsTheReasonAndClosingTwiceIs422() {
        String id = api.create("/tickets", Map.of("subject", "Printer on fire"));

        Map<String, Object> closed = api.post("/tickets/" + id + "/close", Map.of("reason", "toner replaced"))
                .expectStatus().isOk().expectBody(HelpdeskClient.JSON).returnResult().getResponseBody();
        assertThat(closed).containsEntry("status", "closed").containsEntry("closedReason", "toner replaced")
                .containsEntry("version", 2);

        api.post("/tickets/" + id + "/close", Map.of("reason", "again"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].message").isEqualTo("is already closed");
        assertThat(api.get("/tickets/" + id)).containsEntry("closedReason", "toner replaced");
    }

    @Test
    void closeWithoutAReasonIs422NamingReason() {
        String id = api.create("/tickets", Map.of("subject", "Printer on fire"));

        api.post("/tickets/" + id + "/close", Map.of())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].code").isEqualTo("required");
        assertThat(api.get("/tickets/" + id)).containsEntry("status", "open").containsEntry("version", 1);
    }

    @Test
    void closingAnUnknownOrMalformedTicketIs404() {
        api.post("/tickets/" + UUID.randomUUID() + "/close", Map.of("reason", "x")).expectStatus().isNotFound();
        api.post("/tickets/not-a-uuid/close", Map.of("reason", "x")).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void escalateRaisesThePriorityUntilTheCheckConstraintStopsIt() {
        String id = api.create("/tickets", Map.of("subject", "Printer on fire", "priority", 4));

        api.post("/tickets/" + id + "/escalate", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.priority").isEqualTo(5);
        api.post("/tickets/" + id + "/escalate", Map.of())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("priority")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 1 and 5")
                .jsonPath("$.errors[0].code").isEqualTo("check");
        assertThat(api.get("/tickets/" + id)).containsEntry("priority", 5);
    }

    @Test
    void urgentListsOpenTicketsOfAtLeastThePriorityHighestFirst() {
        api.create("/tickets", Map.of("subject", "Low", "priority", 2));
        api.create("/tickets", Map.of("subject", "Four", "priority", 4));
        api.create("/tickets", Map.of("subject", "Five", "priority", 5));
        String closed = api.create("/tickets", Map.of("subject", "Closed five", "priority", 5));
        api.post("/tickets/" + closed + "/close", Map.of("reason", "done")).expectStatus().isOk();

        assertThat(subjects("/tickets/urgent")).containsExactly("Five", "Four");
        assertThat(subjects("/tickets/urgent?min=2")).containsExactly("Five", "Four", "Low");
    }

    @Test
    void aRepresentativesTicketsNewestFirst() {
        String ada = api.create("/representatives", Map.of("name", "Ada"));
        String bob = api.create("/representatives", Map.of("name", "Bob"));
        api.create("/tickets", Map.of("subject", "First", "representativeId", ada));
        api.create("/tickets", Map.of("subject", "Second", "representativeId", ada));
        api.create("/tickets", Map.of("subject", "Bob's", "representativeId", bob));

        assertThat(subjects("/representatives/" + ada + "/tickets")).containsExactly("Second", "First");
        assertThat(subjects("/representatives/" + UUID.randomUUID() + "/tickets")).isEmpty();
    }

    @Test
    void patchWithTheVersionReadIsRefusedWith409WhenSomeoneChangedTheTicket() {
        String id = api.create("/tickets", Map.of("subject", "Printer on fire"));
        api.patch("/tickets/" + id, Map.of("priority", 2, "version", 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        api.patch("/tickets/" + id, Map.of("priority", 3, "version", 1))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get("/tickets/" + id)).containsEntry("priority", 2).containsEntry("version", 2);
    }

    private List<String> subjects(String uri) {
        List<Map<String, Object>> tickets = http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
        return tickets.stream().map(t -> (String) t.get("subject")).toList();
    }
}
