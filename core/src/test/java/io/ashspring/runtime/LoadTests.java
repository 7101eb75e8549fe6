package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.fixtures.load.Agent;
import io.ashspring.fixtures.load.Comment;
import io.ashspring.fixtures.load.Detail;
import io.ashspring.fixtures.load.Tag;
import io.ashspring.fixtures.load.Ticket;
import io.ashspring.fixtures.load.TicketTag;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loading relationships of every kind, nested, with per-parent filters, sorts and limits; and the
 * number of statements a load runs, which does not depend on the number of parents.
 */
@PostgresTest
class LoadTests {

    static ResourceRegistry registry;
    static TestDatabase db;
    static ResourceService<Ticket> tickets;
    static ResourceService<Comment> comments;
    static Ticket busy;
    static Ticket quiet;
    static Agent ann;
    static Agent bob;

    @BeforeAll
    static void data(TestDatabase database) {
        db = database;
        registry = ResourceRegistry.of(Agent.class, Ticket.class, Comment.class, Detail.class, Tag.class, TicketTag.class);
        AshRuntime ash = Databases.runtime(database, registry);
        tickets = ash.service(Ticket.class);
        comments = ash.service(Comment.class);
        ResourceService<Agent> agents = ash.service(Agent.class);
        ann = agents.create(Map.of("firstName", "Ann", "lastName", "Lee"));
        bob = agents.create(Map.of("firstName", "Bob"));
        busy = tickets.create(Map.of("subject", "Busy", "priority", 5, "agent", ann.id()));
        quiet = tickets.create(Map.of("subject", "Quiet", "priority", 1));
        for (int i = 1; i <= 5; i++) {
            comments.create(Map.of("body", "c" + i, "position", i, "votes", i % 2, "ticket", busy.id(),
                    "author", (i % 2 == 0 ? bob : ann).id()));
        }
        ash.service(Detail.class).create(Map.of("note", "vip", "ticket", busy.id()));
        Tag red = ash.service(Tag.class).create(Map.of("name", "red"));
        Tag blue = ash.service(Tag.class).create(Map.of("name", "blue"));
        ash.service(TicketTag.class).create(Map.of("ticket", busy.id(), "tag", red.id()));
        ash.service(TicketTag.class).create(Map.of("ticket", busy.id(), "tag", blue.id()));
        ash.service(TicketTag.class).create(Map.of("ticket", quiet.id(), "tag", blue.id()));
    }

    private static Ticket read(UUID id, Query query) {
        return tickets.get(id, query);
    }

    @Test
    void unloadedRelationshipsAreNull() {
        Ticket ticket = tickets.get(busy.id());
        assertThat(ticket.comments()).isNull();
        assertThat(ticket.detail()).isNull();
        assertThat(ticket.tags()).isNull();
        assertThat(ticket.agent().isLoaded()).isFalse();
        assertThat(ticket.commentCount()).isNull();
    }

    @Test
    void loadsHasManyInTheLoadsSortAndAnEmptyListForNoChildren() {
        List<Ticket> read = tickets.read(Query.all().sort("subject").load("comments", q -> q.sort("position")));
        assertThat(read).extracting(Ticket::subject).containsExactly("Busy", "Quiet");
        assertThat(read.get(0).comments()).extracting(Comment::body).containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(read.get(1).comments()).isEmpty();
    }

    @Test
    void loadsBelongsToIntoTheRef() {
        List<Ticket> read = tickets.read(Query.all().sort("subject").load("agent"));
        assertThat(read.get(0).agent().isLoaded()).isTrue();
        assertThat(read.get(0).agent().get().firstName()).isEqualTo("Ann");
        assertThat(read.get(0).agent().id()).isEqualTo(ann.id());
        assertThat(read.get(1).agent()).isNull(); // no key: nothing to load
    }

    @Test
    void loadsHasOneAndManyToMany() {
        List<Ticket> read = tickets.read(Query.all().sort("subject").load("detail").load("tags", q -> q.sort("name")));
        assertThat(read.get(0).detail().note()).isEqualTo("vip");
        assertThat(read.get(1).detail()).isNull();
        assertThat(read.get(0).tags()).extracting(Tag::name).containsExactly("blue", "red");
        assertThat(read.get(1).tags()).extracting(Tag::name).containsExactly("blue");
    }

    @Test
    void aLoadThatLeavesOutTheKeyToItsParentStillFindsItsParent() {
        // the related rows go to their parents by their own ticket_id, which is read even when the load selects less
        Ticket ticket = read(busy.id(), Query.all().load("comments", q -> q.select("body").sort("position")));
        assertThat(ticket.comments()).extracting(Comment::body).containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(ticket.comments()).allSatisfy(comment -> {
            assertThat(comment.ticket().id()).isEqualTo(busy.id());
            assertThat(comment.position()).isNull();
        });
        Ticket deselected = read(busy.id(), Query.all().load("comments", q -> q.deselect("ticketId").sort("position")));
        assertThat(deselected.comments()).extracting(Comment::body).containsExactly("c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void perParentLimitFilterAndSort() {
        Ticket ticket = read(busy.id(), Query.all().load("comments", q -> q.sort("-position").limit(2)));
        assertThat(ticket.comments()).extracting(Comment::body).containsExactly("c5", "c4");

        Ticket filtered = read(busy.id(), Query.all().load("comments", q -> q.filter("votes > 0").sort("position")));
        assertThat(filtered.comments()).extracting(Comment::body).containsExactly("c1", "c3", "c5");
    }

    @Test
    void perParentLimitAppliesToEachParent() {
        Ticket other = tickets.create(Map.of("subject", "Other"));
        try {
            for (int i = 1; i <= 3; i++) {
                comments.create(Map.of("body", "o" + i, "position", i, "ticket", other.id()));
            }
            List<Ticket> read = tickets.read(Query.all().filter("subject in ['Busy', 'Other']").sort("subject")
                    .load("comments", q -> q.sort("position").limit(2)));
            assertThat(read.get(0).comments()).extracting(Comment::body).containsExactly("c1", "c2");
            assertThat(read.get(1).comments()).extracting(Comment::body).containsExactly("o1", "o2");
        } finally {
            tickets.destroy(other.id());
        }
    }

    @Test
    void nestedLoads() {
        Ticket ticket = read(busy.id(), Query.all().load("comments.author").load("comments", q -> q.sort("position")));
        assertThat(ticket.comments()).extracting(c -> c.author().get().firstName())
                .containsExactly("Ann", "Bob", "Ann", "Bob", "Ann");
        Ticket deeper = read(busy.id(), Query.all().load("comments.ticket.tags"));
        assertThat(deeper.comments().get(0).ticket().get().tags()).hasSize(2);
    }

    @Test
    void loadsWorkWithPagesAndScrolling() {
        var page = tickets.page(Query.all().sort("subject").load("comments", "commentCount"), PageRequest.of(0, 1));
        assertThat(page.getContent().get(0).comments()).hasSize(5);
        assertThat(page.getContent().get(0).commentCount()).isEqualTo(5L);
        var window = tickets.scroll(Query.all().sort("subject").limit(1).load("comments", "commentCount"),
                ScrollPosition.keyset());
        assertThat(window.getContent().get(0).comments()).hasSize(5);
        assertThat(window.getContent().get(0).commentCount()).isEqualTo(5L);
        var next = tickets.scroll(Query.all().sort("subject").limit(1).load("commentCount"), window.positionAt(0));
        assertThat(next.getContent().get(0).subject()).isEqualTo("Quiet");
        assertThat(next.getContent().get(0).commentCount()).isZero();
        try (var stream = tickets.stream(Query.all().sort("subject").load("comments"), 1)) {
            assertThat(stream.map(t -> t.comments().size()).toList()).containsExactly(5, 0);
        }
    }

    @Test
    void unknownLoadIsAClearError() {
        assertThatThrownBy(() -> tickets.read(Query.all().load("nope")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("nope").hasMessageContaining("comments");
        assertThatThrownBy(() -> tickets.read(Query.all().load("commentCount.x")))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void statementsOfALoadDoNotDependOnTheNumberOfParents() {
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        // 1,000 extra tickets with two comments each, inserted in bulk
        jdbc.sql("INSERT INTO tickets (id, subject, status, priority) SELECT gen_random_uuid(), 'bulk ' || lpad(g::text, 4, '0'), "
                + "'open', 1 FROM generate_series(1, 1000) g").update();
        jdbc.sql("INSERT INTO comments (id, body, votes, position, ticket_id) SELECT gen_random_uuid(), 'b', 1, n, t.id "
                + "FROM tickets t, generate_series(1, 2) n WHERE t.subject LIKE 'bulk %'").update();
        try {
            StatementCounter counter = new StatementCounter(db.dataSource());
            ResourceService<Ticket> counted = AshRuntime.of(registry, counter.dataSource()).service(Ticket.class);
            Query load = Query.all().filter("subject like 'bulk %'").sort("subject")
                    .load("comments", q -> q.sort("position").limit(1)).load("comments.author").load("agent")
                    .load("tags").load("detail").load("commentCount");
            List<Integer> statements = new ArrayList<>();
            for (int parents : List.of(1, 10, 1000)) {
                counter.reset();
                List<Ticket> read = counted.read(load.limit(parents));
                assertThat(read).hasSize(parents);
                assertThat(read).allSatisfy(t -> {
                    assertThat(t.comments()).hasSize(1);
                    assertThat(t.commentCount()).isEqualTo(2L);
                });
                statements.add(counter.count());
            }
            // the parents, comments, comments.author (no keys: skipped), agent (no keys), tags, detail
            assertThat(statements).containsOnly(statements.get(0));
            assertThat(statements.get(0)).isLessThanOrEqualTo(6);
        } finally {
            jdbc.sql("DELETE FROM tickets WHERE subject LIKE 'bulk %'").update();
        }
    }
}
