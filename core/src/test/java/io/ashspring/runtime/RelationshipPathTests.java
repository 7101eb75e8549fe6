package io.ashspring.runtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Photo;
import io.ashspring.fixtures.Post;
import io.ashspring.fixtures.PostTag;
import io.ashspring.fixtures.Reaction;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Tag;
import io.ashspring.fixtures.Ticket;
import io.ashspring.fixtures.query.Maker;
import io.ashspring.fixtures.query.MakerProfile;
import io.ashspring.fixtures.query.Product;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.exists;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.isNil;
import static io.ashspring.expr.Expressions.ne;
import static io.ashspring.expr.Expressions.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filters and sorts through relationships: to-one paths are LEFT JOINed (a missing related record
 * is null, with SQL's null semantics); to-many relationships are reached with {@code exists},
 * which never repeats a row however many related records match.
 */
@PostgresTest
class RelationshipPathTests {

    static ResourceService<Ticket> tickets;
    static ResourceService<Comment> comments;
    static ResourceService<Representative> representatives;
    static ResourceService<Post> posts;
    static ResourceService<Maker> makers;
    static Ticket refund;
    static Ticket other;
    static Ticket unassigned;

    @BeforeAll
    static void data(TestDatabase database) {
        ResourceRegistry registry = ResourceRegistry.of(Representative.class, Ticket.class, Comment.class, Post.class,
                Tag.class, PostTag.class, Photo.class, Reaction.class, Maker.class, MakerProfile.class, Product.class);
        AshRuntime ash = Databases.runtime(database, registry);
        tickets = ash.service(Ticket.class);
        comments = ash.service(Comment.class);
        representatives = ash.service(Representative.class);
        posts = ash.service(Post.class);
        makers = ash.service(Maker.class);
        Representative ann = representatives.create(Map.of("name", "Ann"));
        Representative bob = representatives.create(Map.of("name", "Bob"));
        refund = tickets.create(Map.of("subject", "Money back", "priority", 3, "representative", ann.id()));
        other = tickets.create(Map.of("subject", "Printer", "priority", 5, "representative", bob.id()));
        unassigned = tickets.create(Map.of("subject", "Lost", "priority", 1));
        for (String body : List.of("refund please", "REFUND now", "thanks")) {
            comments.create(Map.of("body", body, "ticket", refund.id()));
        }
        comments.create(Map.of("body", "no", "ticket", other.id()));

        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        UUID java = ash.service(Tag.class).create(Map.of("name", "java")).id();
        UUID elixir = ash.service(Tag.class).create(Map.of("name", "elixir")).id();
        Post both = posts.create(Map.of("title", "Both"));
        Post ash1 = posts.create(Map.of("title", "Ash only"));
        posts.create(Map.of("title", "Untagged"));
        ash.service(PostTag.class).create(Map.of("post", both.id(), "tag", java));
        ash.service(PostTag.class).create(Map.of("post", both.id(), "tag", elixir));
        ash.service(PostTag.class).create(Map.of("post", ash1.id(), "tag", elixir));
        jdbc.sql("INSERT INTO post_reactions (id, subject_id, emoji) VALUES (gen_random_uuid(), ?, '+1')")
                .param(ash1.id()).update();

        Maker acme = makers.create(Map.of("name", "Acme"));
        makers.create(Map.of("name", "Globex"));
        ash.service(MakerProfile.class).create(Map.of("bio", "Anvils since 1949", "maker", acme.id()));
    }

    private static List<String> subjects(Query query) {
        return tickets.read(query).stream().map(Ticket::subject).toList();
    }

    @Test
    void toOnePathsFilterThroughALeftJoinWithSqlNullSemantics() {
        assertThat(subjects(Query.all().where("representative.name", "Ann"))).containsExactly("Money back");
        assertThat(subjects(Query.all().filter(ilike("representative.name", "%o%")))).containsExactly("Printer");
        // the unassigned ticket's representative name is null: neither equal nor unequal to Ann
        assertThat(subjects(Query.all().filter(ne("representative.name", "Ann")))).containsExactly("Printer");
        assertThat(subjects(Query.all().filter(isNil("representative.name")))).containsExactly("Lost");
        assertThat(subjects(Query.all().filter("representative.name == 'Bob' or priority < 2").sort("subject")))
                .containsExactly("Lost", "Printer");
    }

    @Test
    void pathsOfSeveralToOneRelationshipsJoinEachOnce() {
        assertThat(comments.read(Query.all().filter(eq("ticket.representative.name", "Ann"))
                .filter(ne("ticket.representative.name", "Bob")).sort("body"))).extracting(Comment::body)
                .containsExactly("REFUND now", "refund please", "thanks");
    }

    @Test
    void hasOnePathsJoinTheTargetByItsForeignKey() {
        assertThat(makers.read(Query.all().filter(contains("profile.bio", "Anvil")))).extracting(Maker::name)
                .containsExactly("Acme");
        assertThat(makers.read(Query.all().filter(isNil("profile.bio")))).extracting(Maker::name).containsExactly("Globex");
    }

    @Test
    void existsFindsEachRecordOnceHoweverManyRelatedRecordsMatch() {
        Query refunds = Query.all().filter("exists(comments, body ilike '%refund%')");
        assertThat(subjects(refunds)).containsExactly("Money back");
        assertThat(tickets.count(refunds)).isEqualTo(1);
        assertThat(subjects(Query.all().filter(exists("comments")).sort("subject"))).containsExactly("Money back", "Printer");
        assertThat(subjects(Query.all().filter(not(exists("comments", ilike("body", "%refund%")))).sort("subject")))
                .containsExactly("Lost", "Printer");
        assertThat(representatives.read(Query.all().filter(exists("tickets.comments", contains("body", "REFUND")))))
                .extracting(Representative::name).containsExactly("Ann");
        assertThat(comments.read(Query.all().filter(exists("ticket", eq("subject", "Printer"))))).extracting(Comment::body)
                .containsExactly("no");
    }

    @Test
    void existsThroughManyToManyAndPolymorphicRelationships() {
        assertThat(posts.read(Query.all().filter(exists("tags", eq("name", "elixir"))).sort("title")))
                .extracting(Post::title).containsExactly("Ash only", "Both");
        assertThat(posts.read(Query.all().filter("exists(tags, name == 'java') and exists(tags, name == 'elixir')")))
                .extracting(Post::title).containsExactly("Both");
        assertThat(posts.read(Query.all().filter(not(exists("tags"))))).extracting(Post::title).containsExactly("Untagged");
        assertThat(posts.read(Query.all().filter(exists("reactions", eq("emoji", "+1"))))).extracting(Post::title)
                .containsExactly("Ash only");
    }

    @Test
    void sortsFollowToOnePathsWithNullsWhereAsked() {
        assertThat(subjects(Query.all().sort("representative.name"))).containsExactly("Money back", "Printer", "Lost");
        assertThat(subjects(Query.all().sort(SortKey.asc("representative.name").nullsFirst())))
                .containsExactly("Lost", "Money back", "Printer");
        assertThat(subjects(Query.all().sort("-representative.name"))).containsExactly("Lost", "Printer", "Money back");
        assertThat(subjects(Query.all().sort(SortKey.desc("representative.name").nullsLast())))
                .containsExactly("Printer", "Money back", "Lost");
    }

    @Test
    void aToManyPathOutsideExistsIsABadQuery() {
        assertThatThrownBy(() -> tickets.read(Query.all().where("comments.body", "thanks")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("exists(comments, ...)");
        assertThatThrownBy(() -> tickets.read(Query.all().sort("comments.body")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("has_many");
    }
}
