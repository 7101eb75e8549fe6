package io.ashspring.sample;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket search over HTTP: {@code q} (ILIKE on the subject), {@code representative} (trigram
 * similarity of the representative's name), {@code text} (full text over the comments), loads and
 * counts, and keyset windows ({@code scroll}) followed through their {@code next} links.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SearchApiTests {

    @Autowired
    RestTestClient http;

    @Autowired
    DataSource dataSource;

    HelpdeskClient api;

    String fred;
    String frank;
    String wilma;

    @BeforeEach
    void helpdesk() {
        JdbcClient.create(dataSource).sql("TRUNCATE tickets, representatives, comments CASCADE").update();
        api = new HelpdeskClient(http);
        fred = api.create("/representatives", Map.of("name", "Fred Flintstone", "email", "fred@example.com"));
        frank = api.create("/representatives", Map.of("name", "Frank Miller", "email", "frank@example.com"));
        wilma = api.create("/representatives", Map.of("name", "Wilma Flintstone", "email", "wilma@example.com"));
    }

    @Test
    void qMatchesTheSubjectIgnoringCase() {
        ticket("Printer on fire", fred);
        ticket("The PRINTER jams", frank);
        ticket("Paper tray missing", null);

        http.get().uri("/tickets?q=printer&sort=subject").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Printer on fire", "The PRINTER jams"))
                .jsonPath("$.page.totalElements").isEqualTo(2);
        http.get().uri("/tickets?q=PaPeR").exchange()
                .expectBody().jsonPath("$.content[*].subject").isEqualTo(List.of("Paper tray missing"));
    }

    @Test
    void representativeFindsTicketsByASimilarNameMostSimilarFirst() {
        ticket("Fred's ticket", fred);
        ticket("Frank's ticket", frank);
        ticket("Wilma's ticket", wilma);
        ticket("Nobody's ticket", null);

        http.get().uri("/tickets?representative=fred").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Fred's ticket"));
        // a typo still finds him; the Flintstones come before nobody else
        http.get().uri("/tickets?representative=Fred Flintstome").exchange()
                .expectBody().jsonPath("$.content[*].subject").isEqualTo(List.of("Fred's ticket", "Wilma's ticket"));
        http.get().uri("/tickets?representative=wilma flintstone&load=representative").exchange()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Wilma's ticket", "Fred's ticket"))
                .jsonPath("$.content[0].representative.name").isEqualTo("Wilma Flintstone");
        http.get().uri("/tickets?representative=zzz").exchange()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void textFindsTicketsWithAMatchingCommentAndCommentsAreRankedByRelevance() {
        String refund = ticket("Charged twice", fred);
        String other = ticket("Login fails", frank);
        comment(refund, "Please refund the second charge.");
        comment(refund, "Refunds take three days; refunded today.");
        comment(other, "Reset the password and it works.");

        http.get().uri("/tickets?text=refunds&load=comments,commentCount").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Charged twice")) // one ticket, not one per comment
                .jsonPath("$.content[0].commentCount").isEqualTo(2)
                .jsonPath("$.content[0].comments.length()").isEqualTo(2);
        http.get().uri("/tickets?text=refund -days").exchange()
                .expectBody().jsonPath("$.content[*].subject").isEqualTo(List.of("Charged twice"));
        http.get().uri("/tickets?text=password").exchange()
                .expectBody().jsonPath("$.content[*].subject").isEqualTo(List.of("Login fails"));
        http.get().uri("/tickets?text=printer").exchange()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);

        http.get().uri("/comments?q=refund").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].body").isEqualTo(List.of("Refunds take three days; refunded today.",
                        "Please refund the second charge."))
                .jsonPath("$[0].ticketId").isEqualTo(refund);
    }

    @Test
    void searchesCombineWithFiltersAndLoads() {
        String printer = ticket("Printer offline", fred);
        ticket("Printer toner", frank);
        comment(printer, "The refund was approved.");

        http.get().uri("/tickets?q=printer&representative=fred&text=refund&filter[priority][lte]=3"
                        + "&load=representative,comments,commentCount").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].subject").isEqualTo(List.of("Printer offline"))
                .jsonPath("$.content[0].representative.name").isEqualTo("Fred Flintstone")
                .jsonPath("$.content[0].representative.apiToken").doesNotExist()
                .jsonPath("$.content[0].comments[0].body").isEqualTo("The refund was approved.")
                .jsonPath("$.content[0].commentCount").isEqualTo(1);
    }

    @Test
    void keysetWindowsGoThroughAllTicketsWithNoneRepeatedOrMissing() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(ticket("Ticket " + i, i % 2 == 0 ? fred : wilma, 1 + i % 3)); // many equal priorities
        }

        List<List<String>> windows = scrollAll("/tickets?scroll=&size=5&sort=-priority");
        assertThat(windows).hasSize(5);
        assertThat(windows.get(4)).hasSize(3);
        List<String> seen = windows.stream().flatMap(List::stream).toList();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(seen).isEqualTo(pagedIds("/tickets?sort=-priority&size=100")); // the same order as offset pages

        // the default order, newest first, and with a search that sorts by similarity
        assertThat(scrollAll("/tickets?scroll&size=4").stream().flatMap(List::stream).toList())
                .isEqualTo(pagedIds("/tickets?size=100"));
        List<String> flintstones = scrollAll("/tickets?scroll=&size=4&representative=Fred Flintstone")
                .stream().flatMap(List::stream).toList();
        assertThat(flintstones).hasSize(23).doesNotHaveDuplicates()
                .isEqualTo(pagedIds("/tickets?representative=Fred Flintstone&size=100"));
    }

    @Test
    void aTicketDeletedBetweenWindowsShiftsNothing() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(ticket("Ticket " + i, null));
        }
        var first = api.get("/tickets?scroll=&size=4&sort=subject");
        List<String> seen = new ArrayList<>(ids(first));
        http.delete().uri("/tickets/{id}", all.get(4)).exchange().expectStatus().isNoContent(); // the next one

        for (Map<String, Object> window = first; window.get("next") != null; ) {
            window = get(URI.create((String) window.get("next")));
            seen.addAll(ids(window));
        }
        List<String> expected = new ArrayList<>(all);
        expected.remove(4);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void aScrollTokenThatWasNotGivenOutIs400() {
        for (String token : List.of("not-a-token", "e30", "WzEsMl0", "eyJpZCI6eyJhIjoxfX0")) { // {}, [1,2], {"id":{"a":1}}
            http.get().uri("/tickets?scroll={token}", token).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.field").isEqualTo("scroll");
        }
        // well formed, but not a position of this sort
        http.get().uri("/tickets?scroll={token}", "eyJzdWJqZWN0IjoiYSJ9").exchange() // {"subject":"a"}
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("position");
        http.get().uri("/tickets?scroll=&size=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("size");
    }

    /** The ids of every window, following the {@code next} links from the first. */
    private List<List<String>> scrollAll(String first) {
        List<List<String>> windows = new ArrayList<>();
        Map<String, Object> window = api.get(first);
        windows.add(ids(window));
        Set<Object> links = new LinkedHashSet<>();
        while (window.get("next") != null) {
            assertThat(links.add(window.get("next"))).isTrue();
            window = get(URI.create((String) window.get("next")));
            windows.add(ids(window));
        }
        return windows;
    }

    private List<String> pagedIds(String uri) {
        return ids(api.get(uri));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> listing) {
        return ((List<Map<String, Object>>) listing.get("content")).stream().map(t -> (String) t.get("id")).toList();
    }

    private Map<String, Object> get(URI uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(HelpdeskClient.JSON)
                .returnResult().getResponseBody();
    }

    private String ticket(String subject, String representative) {
        return ticket(subject, representative, 1);
    }

    private String ticket(String subject, String representative, int priority) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("subject", subject, "priority", priority));
        if (representative != null) {
            input.put("representativeId", representative);
        }
        return api.create("/tickets", input);
    }

    private void comment(String ticket, String body) {
        api.create("/tickets/" + ticket + "/comments", Map.of("body", body));
    }
}
