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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Knowledge-base posts, and the polymorphic {@link Reaction}: reactions to posts land in
 * {@code post_reactions}, reactions to comments in {@code comment_reactions}, and each goes with
 * its owner. Also the {@code open_ticket_counts} view, read through a {@code migrate = false}
 * resource.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ReactionApiTests {

    @Autowired
    RestTestClient http;

    @Autowired
    DataSource dataSource;

    @Autowired
    ResourceService<Post> posts;

    @Autowired
    ResourceService<Reaction> reactions;

    HelpdeskClient api;

    JdbcClient jdbc;

    @BeforeEach
    void client() {
        api = new HelpdeskClient(http);
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void reactionsToAPostAreStoredInPostReactionsAndLoadedWithThePost() {
        String post = api.create("/posts", Map.of("title", "Resetting your password", "body", "Click 'Forgot'."));
        var thumbs = api.created("/posts/" + post + "/reactions", Map.of("emoji", "👍"));
        assertThat(thumbs).containsEntry("subjectId", post).containsEntry("emoji", "👍").containsKeys("id", "insertedAt");
        api.created("/posts/" + post + "/reactions", Map.of("emoji", "🎉", "subjectId", UUID.randomUUID()));

        http.get().uri("/posts/{id}", post).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Resetting your password")
                .jsonPath("$.reactions[*].emoji").isEqualTo(List.of("👍", "🎉"))
                .jsonPath("$.reactions[1].subjectId").isEqualTo(post) // the path wins over the body
                .jsonPath("$.reactionCount").isEqualTo(2);
        http.get().uri("/posts").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + post + "')].reactionCount").isEqualTo(2)
                .jsonPath("$[0].reactions").doesNotExist();
        assertThat(rows("post_reactions", post)).isEqualTo(2);
        assertThat(rows("comment_reactions", post)).isZero();
    }

    @Test
    void aReactionIsValidatedLikeAnyResourceInput() {
        String post = api.create("/posts", Map.of("title", "Validation", "body", "..."));
        api.post("/posts/" + post + "/reactions", Map.of())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("emoji")
                .jsonPath("$.errors[0].code").isEqualTo("required");
        api.post("/posts/" + post + "/reactions", Map.of("emoji", "x".repeat(33), "mood", "happy"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'emoji')].code").isEqualTo("max_length")
                .jsonPath("$.errors[?(@.field == 'mood')].code").isEqualTo("unknown_field");
        api.post("/posts/" + UUID.randomUUID() + "/reactions", Map.of("emoji", "👍")).expectStatus().isNotFound();
        api.post("/posts", Map.of("title", "No body")).expectStatus().isEqualTo(422);
        assertThat(rows("post_reactions", post)).isZero();
    }

    @Test
    void reactionsToACommentAreStoredInCommentReactionsAndGoWithTheirTicket() {
        String ticket = api.create("/tickets", Map.of("subject", "Refund for order 1234"));
        String comment = api.create("/tickets/" + ticket + "/comments", Map.of("body", "Refund issued."));
        var party = api.created("/tickets/" + ticket + "/comments/" + comment + "/reactions", Map.of("emoji", "🎉"));
        assertThat(party).containsEntry("subjectId", comment);

        http.get().uri("/tickets/{id}/comments", ticket).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].reactions[*].emoji").isEqualTo(List.of("🎉"));
        String other = api.create("/tickets", Map.of("subject", "Another ticket"));
        api.post("/tickets/" + other + "/comments/" + comment + "/reactions", Map.of("emoji", "👀"))
                .expectStatus().isNotFound();
        assertThat(rows("comment_reactions", comment)).isEqualTo(1);

        // the ticket takes its comments with it, and they take their reactions (both ON DELETE CASCADE)
        http.delete().uri("/tickets/{id}", ticket).exchange().expectStatus().isNoContent();
        assertThat(rows("comment_reactions", comment)).isZero();
    }

    @Test
    void deletingAPostDeletesItsReactions() {
        String post = api.create("/posts", Map.of("title", "Short-lived", "body", "..."));
        api.created("/posts/" + post + "/reactions", Map.of("emoji", "👎"));

        posts.destroy(post);

        assertThat(rows("post_reactions", post)).isZero();
        api.post("/posts/" + post + "/reactions", Map.of("emoji", "👍")).expectStatus().isNotFound();
    }

    @Test
    void aReactionIsRemovedFromItsPostOnlyThroughThatPost() {
        String post = api.create("/posts", Map.of("title", "Removable", "body", "..."));
        String other = api.create("/posts", Map.of("title", "Other", "body", "..."));
        String thumbs = (String) api.created("/posts/" + post + "/reactions", Map.of("emoji", "👍")).get("id");

        http.delete().uri("/posts/{id}/reactions/{r}", other, thumbs).exchange().expectStatus().isNotFound();
        assertThat(rows("post_reactions", post)).isEqualTo(1);
        http.delete().uri("/posts/{id}/reactions/{r}", post, thumbs).exchange().expectStatus().isNoContent();
        assertThat(rows("post_reactions", post)).isZero();
        http.delete().uri("/posts/{id}/reactions/{r}", post, thumbs).exchange().expectStatus().isNotFound();
    }

    @Test
    void aReactionToAPostThatNoLongerExistsIsAFieldErrorNotARow() {
        // what POST /posts/{id}/reactions meets when the post is deleted between its read and the insert:
        // the foreign key post_reactions_subject_id_fkey, mapped to the field (a 422 through the handler)
        String post = api.create("/posts", Map.of("title", "Deleted meanwhile", "body", "..."));
        posts.destroy(post);
        InvalidException invalid = catchThrowableOfType(InvalidException.class,
                () -> reactions.inTable("post_reactions").create(Map.of("subjectId", post, "emoji", "👍")));
        assertThat(invalid.errors()).containsExactly(new FieldError("subjectId", "does not exist", "not_found"));
        assertThat(rows("post_reactions", post)).isZero();
        api.post("/posts/" + post + "/reactions", Map.of("emoji", "👍")).expectStatus().isNotFound();
    }

    @Test
    void theWorkloadComesFromTheOpenTicketCountsView() {
        String ann = api.create("/representatives", Map.of("name", "Ann", "email", "ann.w@example.com"));
        String bob = api.create("/representatives", Map.of("name", "Bob", "email", "bob.w@example.com"));
        api.create("/tickets", Map.of("subject", "Ann 1", "representativeId", ann));
        api.create("/tickets", Map.of("subject", "Ann 2", "representativeId", ann));
        api.create("/tickets", Map.of("subject", "Ann closed", "representativeId", ann, "status", "closed"));
        api.create("/tickets", Map.of("subject", "Bob 1", "representativeId", bob));
        api.create("/tickets", Map.of("subject", "Nobody's"));

        http.get().uri("/representatives/workload").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].representativeId").isEqualTo(List.of(ann, bob))
                .jsonPath("$[*].openTickets").isEqualTo(List.of(2, 1));
    }

    private int rows(String table, String subject) {
        // the table name is one of two constants of this class, never input
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE subject_id = ?").param(UUID.fromString(subject))
                .query(Integer.class).single();
    }
}
