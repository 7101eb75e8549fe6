package io.ashspring.sample;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.autoconfigure.embedded.EmbeddedStandbys;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.replica.ReplicaRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's {@code replica} profile, with no setup: the embedded server gets a streaming standby, reads
 * go to it, writes to the primary, and a ticket read right after it was created is found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("replica")
class ReplicaProfileTests {

    @Autowired
    RestTestClient http;

    @Autowired
    EmbeddedStandbys standbys;

    @Autowired
    AshRuntime ash;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theReplicaProfileRunsOnAStreamingStandby() {
        assertThat(standbys.getStandbys()).hasSize(1);
        ReplicaRouting routing = (ReplicaRouting) ash.reads();
        assertThat(routing.status()).singleElement().satisfies(status -> {
            assertThat(status.standby()).isTrue();
            assertThat(status.usable()).isTrue();
        });
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        assertThat((Boolean) readOnly.execute(status -> jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()))
                .isTrue();
        assertThat(jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()).isFalse();
    }

    @Test
    void aTicketIsReadRightAfterItIsCreatedAndListedFromTheStandby() throws Exception {
        String id = new HelpdeskClient(http).create("/tickets", Map.of("subject", "Read after write on a replica"));
        http.get().uri("/tickets/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("Read after write on a replica");
        // a lone read of a thread that did not write goes to the standby, which soon has the ticket
        ReplicaRouting routing = (ReplicaRouting) ash.reads();
        JdbcClient primary = jdbc;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CompletableFuture.supplyAsync(() ->
                routing.read(() -> routing.client(primary).sql("SELECT pg_is_in_recovery() AND EXISTS (SELECT 1 FROM "
                        + "tickets WHERE id = ?::uuid)").param(id).query(Boolean.class).single())).get()).isTrue());
        http.get().uri("/tickets?subject=Read after write on a replica").exchange().expectStatus().isOk();
    }
}
