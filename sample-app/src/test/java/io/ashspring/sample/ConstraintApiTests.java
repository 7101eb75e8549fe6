package io.ashspring.sample;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constraints of the showcase resources, answered over HTTP: PostgreSQL decides (a check, a
 * partial unique index, a deferred foreign key) and the API reports the field and the message —
 * never the values of the rejected row, which PostgreSQL reports in its error detail.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
class ConstraintApiTests {

    @Autowired
    RestTestClient http;

    @Autowired
    ResourceService<Representative> representatives;

    @Autowired
    PlatformTransactionManager transactionManager;

    HelpdeskClient api;

    @BeforeEach
    void client() {
        api = new HelpdeskClient(http);
    }

    @Test
    void aPriceOfZeroOrLessIs422OnPriceWithTheCheckConstraintsMessage() {
        for (Object price : new Object[] {0, "-5.00"}) {
            api.post("/plans", Map.of("name", "Free " + price, "price", price))
                    .expectStatus().isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors.length()").isEqualTo(1)
                    .jsonPath("$.errors[0].field").isEqualTo("price")
                    .jsonPath("$.errors[0].message").isEqualTo("must be greater than 0")
                    .jsonPath("$.errors[0].code").isEqualTo("check");
        }
        var plan = api.created("/plans", Map.of("name", "Business", "price", "49.90"));
        assertThat(plan).containsEntry("name", "Business").containsEntry("price", 49.9);
        api.post("/plans", Map.of("name", "Business", "price", 10))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void ticketsAreFiledUnderAnExistingPlanWhichThenCannotBeDeleted() {
        String plan = api.create("/plans", Map.of("name", "Premium", "price", 99));
        String ticket = api.create("/tickets", Map.of("subject", "Covered by Premium", "planId", plan));
        assertThat(api.get("/tickets/" + ticket)).containsEntry("planId", plan);

        api.post("/tickets", Map.of("subject", "Unknown plan", "planId", UUID.randomUUID()))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("planId")
                .jsonPath("$.errors[0].message").isEqualTo("does not exist");
        http.delete().uri("/plans/{id}", plan).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("would leave records behind");

        http.delete().uri("/tickets/{id}", ticket).exchange().expectStatus().isNoContent();
        http.delete().uri("/plans/{id}", plan).exchange().expectStatus().isNoContent();
    }

    @Test
    void anEmailIsUniqueAmongActiveRepresentativesOnly() {
        String ann = api.create("/representatives", Map.of("name", "Ann", "email", "ann@example.com"));
        assertThat(api.get("/representatives/" + ann)).containsEntry("status", "active");

        api.post("/representatives", Map.of("name", "Ann again", "email", "ANN@example.com"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("email")
                .jsonPath("$.errors[0].message").isEqualTo("has already been taken")
                .jsonPath("$.errors[0].code").isEqualTo("unique");

        // an inactive duplicate is fine, and so is a new active one once the first has left
        String formerAnn = api.create("/representatives",
                Map.of("name", "Ann (left 2024)", "email", "ann@example.com", "status", "inactive"));
        api.patch("/representatives/" + ann, Map.of("status", "inactive"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("inactive");
        String newAnn = api.create("/representatives", Map.of("name", "Ann Two", "email", "ann@example.com"));
        assertThat(newAnn).isNotEqualTo(formerAnn);

        api.patch("/representatives/" + formerAnn, Map.of("status", "active"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void theBackupReferenceIsCheckedAtCommitNotAtTheInsert() {
        String ann = api.create("/representatives", Map.of("name", "Ann", "email", "ann.b@example.com"));
        var bob = api.created("/representatives", Map.of("name", "Bob", "email", "bob@example.com", "backupId", ann));
        assertThat(bob).containsEntry("backupId", ann);

        // deferred: the insert with a dangling backup succeeds; the commit is what fails
        api.post("/representatives", Map.of("name", "Cy", "backupId", UUID.randomUUID()))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("backupId")
                .jsonPath("$.errors[0].message").isEqualTo("does not exist");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        Representative dee = transaction.execute(status -> {
            Representative created = representatives.create(Map.of("name", "Dee", "backupId", UUID.randomUUID()));
            return representatives.updateRecord(created, Map.of("backupId", ann)); // fixed before the commit
        });
        assertThat(api.get("/representatives/" + dee.id())).containsEntry("backupId", ann);

        // deleting a backup leaves the people they covered for without one (ON DELETE SET NULL)
        http.delete().uri("/representatives/{id}", ann).exchange().expectStatus().isNoContent();
        assertThat(api.get("/representatives/" + bob.get("id"))).containsEntry("backupId", null);
    }

    @Test
    void aPriceBeyondItsPrecisionIs422NamingThePrecision() {
        api.post("/plans", Map.of("name", "Gold " + UUID.randomUUID(), "price", 123456789012345L))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("price")
                .jsonPath("$.errors[0].message").isEqualTo("must have at most 8 digits before the decimal point (numeric(10,2))")
                .jsonPath("$.errors[0].code").isEqualTo("precision");
    }

    @Test
    void theValuesOfARejectedRowAreInNeitherTheProblemNorTheLogs(CapturedOutput output) {
        String secret = "name-that-must-not-leak";
        // a check PostgreSQL enforces: its detail is "Failing row contains (<id>, name-that-must-not-leak, 0.00)"
        byte[] body = api.post("/plans", Map.of("name", secret, "price", 0))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("price")
                .jsonPath("$.errors[0].code").isEqualTo("check")
                .returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(secret).doesNotContain("Failing row");
        assertThat(output.getAll()).doesNotContain(secret);
    }
}
