package io.ashspring.runtime;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expressions;
import io.ashspring.fixtures.load.Agent;
import io.ashspring.fixtures.load.Comment;
import io.ashspring.fixtures.load.Detail;
import io.ashspring.fixtures.load.Tag;
import io.ashspring.fixtures.load.Ticket;
import io.ashspring.fixtures.load.TicketTag;
import io.ashspring.query.Query;
import io.ashspring.query.QueryInput;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Aggregates and calculations: computed in SQL when loaded, and usable in filters and sorts by name. */
@PostgresTest
class ComputedFieldTests {

    static ResourceService<Ticket> tickets;
    static ResourceService<Agent> agents;
    static Ticket busy;
    static Ticket quiet;
    static Ticket tagged;

    @BeforeAll
    static void data(TestDatabase database) {
        ResourceRegistry registry = ResourceRegistry.of(Agent.class, Ticket.class, Comment.class, Detail.class, Tag.class,
                TicketTag.class);
        AshRuntime ash = Databases.runtime(database, registry);
        tickets = ash.service(Ticket.class);
        agents = ash.service(Agent.class);
        ResourceService<Comment> comments = ash.service(Comment.class);
        busy = tickets.create(Map.of("subject", "Busy", "priority", 5));
        quiet = tickets.create(Map.of("subject", "Quiet", "priority", 1, "status", "closed"));
        tagged = tickets.create(Map.of("subject", "Tagged", "priority", 3));
        for (int i = 1; i <= 4; i++) {
            comments.create(Map.of("body", "b" + i, "position", i, "votes", i - 1, "ticket", busy.id()));
        }
        comments.create(Map.of("body", "t1", "position", 1, "votes", 0, "ticket", tagged.id()));
        Tag red = ash.service(Tag.class).create(Map.of("name", "red"));
        Tag blue = ash.service(Tag.class).create(Map.of("name", "blue"));
        ash.service(TicketTag.class).create(Map.of("ticket", tagged.id(), "tag", red.id()));
        ash.service(TicketTag.class).create(Map.of("ticket", tagged.id(), "tag", blue.id()));
        agents.create(Map.of("firstName", "Ann", "lastName", "Lee", "wins", 3, "totalGames", 4,
                "birthdate", LocalDate.now().minusYears(30).minusDays(2)));
        agents.create(Map.of("firstName", "Bob", "wins", 0, "totalGames", 0, "birthdate", LocalDate.now().minusYears(20)));
    }

    private static Map<String, Ticket> bySubject(List<Ticket> read) {
        return read.stream().collect(java.util.stream.Collectors.toMap(Ticket::subject, t -> t));
    }

    @Test
    void aggregatesWithFiltersAndDefaults() {
        Map<String, Ticket> read = bySubject(tickets.read(Query.all().load("commentCount", "upvotedCount", "totalVotes",
                "maxVotes", "hasComments", "latestBody", "bodies", "tagCount")));
        Ticket busyRead = read.get("Busy");
        assertThat(busyRead.commentCount()).isEqualTo(4L);
        assertThat(busyRead.upvotedCount()).isEqualTo(3L); // votes > 0
        assertThat(busyRead.totalVotes()).isEqualTo(6L);
        assertThat(busyRead.maxVotes()).isEqualTo(3);
        assertThat(busyRead.hasComments()).isTrue();
        assertThat(busyRead.latestBody()).isEqualTo("b4");
        assertThat(busyRead.bodies()).containsExactly("b1", "b2", "b3", "b4");
        assertThat(busyRead.tagCount()).isZero();

        Ticket quietRead = read.get("Quiet");
        assertThat(quietRead.commentCount()).isZero(); // count of nothing is 0
        assertThat(quietRead.totalVotes()).isZero(); // the declared default
        assertThat(quietRead.maxVotes()).isNull(); // no default
        assertThat(quietRead.hasComments()).isFalse();
        assertThat(quietRead.latestBody()).isNull();
        assertThat(quietRead.bodies()).isEmpty();
        assertThat(read.get("Tagged").tagCount()).isEqualTo(2L); // many_to_many
        assertThat(read.get("Tagged").commentCount()).isEqualTo(1L);
    }

    @Test
    void unloadedAggregatesStayNull() {
        Ticket read = tickets.get(busy.id(), Query.all().load("commentCount"));
        assertThat(read.commentCount()).isEqualTo(4L);
        assertThat(read.totalVotes()).isNull();
    }

    @Test
    void aggregatesInFiltersAndSorts() {
        assertThat(tickets.read(Query.all().filter("commentCount > 1"))).extracting(Ticket::subject).containsExactly("Busy");
        assertThat(tickets.read(Query.all().filter(Expressions.eq("commentCount", 0)))).extracting(Ticket::subject)
                .containsExactly("Quiet");
        assertThat(tickets.read(Query.all().filter("hasComments and totalVotes == 0"))).extracting(Ticket::subject)
                .containsExactly("Tagged");
        assertThat(tickets.read(Query.all().sort("-commentCount", "subject"))).extracting(Ticket::subject)
                .containsExactly("Busy", "Tagged", "Quiet");
        assertThat(tickets.count(Query.all().filter("tagCount >= 2"))).isEqualTo(1);
        // a string value is converted to the aggregate's type before it is bound
        assertThat(tickets.read(Query.all().filter(Expressions.gt("commentCount", "3")))).hasSize(1);
    }

    @Test
    void expressionCalculationsInLoadsFiltersAndSorts() {
        Ticket read = tickets.get(quiet.id(), Query.all().load("label"));
        assertThat(read.label()).isEqualTo("Quiet (closed)");
        assertThat(tickets.read(Query.all().filter("label == 'Busy (open)'"))).extracting(Ticket::id)
                .containsExactly(busy.id());
        assertThat(tickets.read(Query.all().sort("-label"))).extracting(Ticket::subject)
                .containsExactly("Tagged", "Quiet", "Busy");
    }

    @Test
    void calculationsWithArguments() {
        List<Ticket> read = tickets.read(Query.all().load("weighted").filter("weighted > 10").argument("factor", 3)
                .sort("-weighted"));
        assertThat(read).extracting(Ticket::subject).containsExactly("Busy");
        assertThat(read.get(0).weighted()).isEqualTo(15);
        assertThatThrownBy(() -> tickets.read(Query.all().load("weighted")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("factor");
    }

    @Test
    void fragmentCalculations() {
        List<Agent> read = agents.read(Query.all().load("winRate", "age").sort("firstName"));
        assertThat(read.get(0).winRate()).isCloseTo(0.75, within(1e-9));
        assertThat(read.get(0).age()).isEqualTo(30);
        assertThat(read.get(1).winRate()).isNull(); // 0 games: NULLIF
        assertThat(read.get(1).age()).isEqualTo(20);
        assertThat(agents.read(Query.all().filter("winRate > 0.5"))).extracting(Agent::firstName).containsExactly("Ann");
        assertThat(agents.read(Query.all().filter("age < 25"))).extracting(Agent::firstName).containsExactly("Bob");
    }

    @Test
    void javaCalculationsAreComputedAfterTheRead() {
        List<Agent> read = agents.read(Query.all().load("fullName").sort("firstName"));
        assertThat(read).extracting(Agent::fullName).containsExactly("Ann Lee", "Bob");
        assertThat(agents.read(Query.all().sort("firstName")).get(0).fullName()).isNull();
        assertThatThrownBy(() -> agents.read(Query.all().filter("fullName == 'Ann Lee'")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Java");
    }

    @Test
    void httpInputReachesPublicAggregatesAndCalculationsOnly() {
        ResourceRegistry registry = ResourceRegistry.of(Agent.class, Ticket.class, Comment.class, Detail.class, Tag.class,
                TicketTag.class);
        QueryInput input = new QueryInput(registry);
        Query query = input.apply(Query.all(), tickets.resource(), Map.of("filter[commentCount][gte]", "1",
                "sort", "-commentCount", "load", "commentCount,comments,label"));
        List<Ticket> read = tickets.read(query);
        assertThat(read).extracting(Ticket::subject).containsExactly("Busy", "Tagged");
        assertThat(read.get(0).commentCount()).isEqualTo(4L);
        assertThat(read.get(0).comments()).hasSize(4);
        assertThat(read.get(0).label()).isEqualTo("Busy (open)");
        assertThat(tickets.read(input.apply(Query.all(), tickets.resource(), Map.of("filter[label]", "Quiet (closed)"))))
                .extracting(Ticket::subject).containsExactly("Quiet");
        // upvotedCount is declared isPublic = false
        assertThatThrownBy(() -> input.apply(Query.all(), tickets.resource(), Map.of("filter[upvotedCount]", "1")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("upvotedCount");
        assertThatThrownBy(() -> input.apply(Query.all(), tickets.resource(), Map.of("sort", "upvotedCount")))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> input.apply(Query.all(), tickets.resource(), Map.of("load", "upvotedCount")))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> input.apply(Query.all(), tickets.resource(), Map.of("load", "comments.nope")))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void aggregatesOfLoadedRecords() {
        Ticket read = tickets.get(busy.id(), Query.all().load("comments", q -> q.filter("votes >= 2").load("ticket")));
        assertThat(read.comments()).hasSize(2);
        // the nested belongs_to target's aggregates can be loaded too
        Ticket nested = tickets.get(busy.id(), Query.all().load("comments", q -> q.load("ticket"))
                .load("comments.ticket", q -> q.load("commentCount")));
        assertThat(nested.comments()).allSatisfy(c -> assertThat(c.ticket().get().commentCount()).isEqualTo(4L));
    }
}
