package io.ashspring.runtime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.load.Agent;
import io.ashspring.fixtures.load.Comment;
import io.ashspring.fixtures.load.Detail;
import io.ashspring.fixtures.load.Tag;
import io.ashspring.fixtures.load.Ticket;
import io.ashspring.fixtures.load.TicketTag;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Lock;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.SqlCompiler;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.Expressions.and;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.exists;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregates over one relationship share one lateral subquery, and keep working wherever an
 * aggregate can stand (loads, filters, sorts, keyset windows, pages, counts, distinct, locks);
 * aggregates and calculations are reached through to-one paths; {@code parent(...)} refers to the
 * outer row inside {@code exists} and aggregate filters.
 */
@PostgresTest
class AggregateSharingTests {

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Agent.class, Ticket.class, Comment.class, Detail.class,
            Tag.class, TicketTag.class);
    static final SqlCompiler COMPILER = new SqlCompiler(REGISTRY::resource);
    static ResourceService<Ticket> tickets;
    static ResourceService<Comment> comments;
    static TransactionTemplate transaction;
    static JdbcClient jdbc;
    static Agent ann;
    static Agent bob;

    @BeforeAll
    static void data(TestDatabase database) {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(database.dataSource());
        transaction = new TransactionTemplate(manager);
        jdbc = JdbcClient.create(database.dataSource());
        AshRuntime ash = new AshRuntime(REGISTRY, jdbc, manager);
        tickets = ash.service(Ticket.class);
        comments = ash.service(Comment.class);
        ResourceService<Agent> agents = ash.service(Agent.class);
        ann = agents.create(Map.of("firstName", "Ann", "lastName", "Lee", "birthdate", LocalDate.of(1990, 1, 1)));
        bob = agents.create(Map.of("firstName", "Bob"));
        Ticket busy = tickets.create(Map.of("subject", "Busy", "priority", 5, "agent", ann.id()));
        Ticket tagged = tickets.create(Map.of("subject", "Tagged", "priority", 3, "agent", ann.id()));
        tickets.create(Map.of("subject", "Quiet", "priority", 1, "status", "closed", "agent", bob.id()));
        tickets.create(Map.of("subject", "Orphan", "priority", 2));
        for (int i = 1; i <= 4; i++) {
            // Ann (the ticket's agent) wrote two of Busy's comments, Bob the others
            comments.create(Map.of("body", "b" + i, "position", i, "votes", i % 2 + 1, "ticket", busy.id(),
                    "author", i <= 2 ? ann.id() : bob.id()));
        }
        comments.create(Map.of("body", "t1", "position", 1, "votes", 0, "ticket", tagged.id(), "author", bob.id()));
    }

    private static List<String> subjects(Query query) {
        return tickets.read(query).stream().map(Ticket::subject).toList();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void aggregatesOverOneRelationshipShareOneLateralSubquery() {
        Query query = Query.all().load("commentCount", "upvotedCount", "totalVotes", "maxVotes", "latestBody", "bodies",
                "hasComments", "tagCount").filter("commentCount >= 0").sort("-totalVotes");
        String sql = COMPILER.select(tickets.resource(), query).sql();
        assertThat(occurrences(sql, "FROM \"public\".\"comments\"")).as(sql).isEqualTo(2); // the lateral, and EXISTS
        assertThat(occurrences(sql, "LEFT JOIN LATERAL")).as(sql).isEqualTo(2); // comments, tags
        assertThat(sql).containsPattern("COALESCE\\(count\\(\\*\\) FILTER \\(WHERE t\\d\\.\"votes\" > \\?\\), \\?\\) AS \"upvotedCount\"")
                .containsPattern("\\(array_agg\\(t\\d\\.\"body\" ORDER BY t\\d\\.\"position\" DESC\\)\\)\\[1\\] AS \"latestBody\"")
                .contains("EXISTS (SELECT 1 FROM \"public\".\"comments\"");

        List<Ticket> read = tickets.read(query);
        assertThat(read).extracting(Ticket::subject).startsWith("Busy");
        Ticket busy = read.get(0);
        assertThat(busy.commentCount()).isEqualTo(4L);
        assertThat(busy.upvotedCount()).isEqualTo(4L);
        assertThat(busy.totalVotes()).isEqualTo(6L); // 2 + 1 + 2 + 1
        assertThat(busy.maxVotes()).isEqualTo(2);
        assertThat(busy.latestBody()).isEqualTo("b4");
        assertThat(busy.bodies()).containsExactly("b1", "b2", "b3", "b4");
        Ticket orphan = read.stream().filter(t -> t.subject().equals("Orphan")).findFirst().orElseThrow();
        assertThat(orphan.commentCount()).isZero();
        assertThat(orphan.totalVotes()).isZero();
        assertThat(orphan.maxVotes()).isNull();
        assertThat(orphan.latestBody()).isNull();
        assertThat(orphan.bodies()).isEmpty();
        assertThat(orphan.hasComments()).isFalse();
        // distinct: the average of the distinct values 1 and 2
        assertThat(tickets.get(busy.id(), Query.all().load("distinctVoteAverage")).distinctVoteAverage()).isEqualTo(1.5);
    }

    @Test
    void aLimitedReadComputesItsSelectedAggregatesOnlyForTheRowsItReturns() {
        Query page = Query.all().sort("subject").limit(1).load("commentCount", "totalVotes", "bodies");
        // of 4 tickets, the one returned is the only one whose comments are read
        assertThat(loopsOverComments(page)).containsOnly(1);
        assertThat(tickets.read(page)).singleElement().satisfies(busy -> {
            assertThat(busy.subject()).isEqualTo("Busy");
            assertThat(busy.commentCount()).isEqualTo(4L);
            assertThat(busy.totalVotes()).isEqualTo(6L);
            assertThat(busy.bodies()).containsExactly("b1", "b2", "b3", "b4");
        });
        assertThat(tickets.read(page.offset(3))).singleElement().satisfies(tagged -> {
            assertThat(tagged.subject()).isEqualTo("Tagged");
            assertThat(tagged.commentCount()).isEqualTo(1L);
        });
        // sorted by the aggregate: every row needs it (the lateral), the selected one still comes out right
        Query byCount = Query.all().sort("-commentCount", "subject").limit(2).load("commentCount");
        assertThat(tickets.read(byCount)).extracting(Ticket::subject, Ticket::commentCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Busy", 4L), org.assertj.core.groups.Tuple.tuple("Tagged", 1L));
        // without a limit, all rows are read anyway: one shared lateral
        assertThat(loopsOverComments(Query.all().load("commentCount", "totalVotes"))).containsOnly(4);
    }

    /** How many times each plan node that reads comments ran, by {@code EXPLAIN ANALYZE}. */
    private static List<Integer> loopsOverComments(Query query) {
        RenderedSql rendered = COMPILER.select(tickets.resource(), query);
        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + rendered.sql()).params(rendered.binds())
                .query(String.class).list();
        List<Integer> loops = new ArrayList<>();
        for (String line : plan) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(" on comments .*loops=(\\d+)").matcher(line);
            if (matcher.find()) {
                loops.add(Integer.parseInt(matcher.group(1)));
            }
        }
        assertThat(loops).as(String.join("\n", plan)).isNotEmpty();
        return loops;
    }

    @Test
    void sharedAggregatesWorkInFiltersSortsPagesCountsDistinctAndLocks() {
        assertThat(subjects(Query.all().filter("commentCount > 0 and totalVotes < 5"))).containsExactly("Tagged");
        assertThat(subjects(Query.all().sort("-commentCount", "subject"))).containsExactly("Busy", "Tagged", "Orphan", "Quiet");
        assertThat(tickets.count(Query.all().filter("commentCount >= 1"))).isEqualTo(2);
        Page<Ticket> page = tickets.page(Query.all().filter("commentCount < 4"), PageRequest.of(0, 2,
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("commentCount"))));
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent()).extracting(Ticket::subject).first().isEqualTo("Tagged");
        // the ticket with the most comments of each status
        assertThat(subjects(Query.all().distinct("status").sort("-commentCount"))).containsExactly("Quiet", "Busy");
        assertThat(tickets.count(Query.all().distinct("status").filter("commentCount >= 0"))).isEqualTo(2);
        List<Ticket> locked = transaction.execute(status -> tickets.read(Query.all().filter("commentCount > 1")
                .load("commentCount").lock(Lock.forUpdate())));
        assertThat(locked).extracting(Ticket::commentCount).containsExactly(4L);
    }

    @Test
    void keysetWindowsByASharedAggregateVisitEveryRecordOnce() {
        Query query = Query.all().sort("-commentCount").load("commentCount").limit(1);
        List<String> seen = new ArrayList<>();
        Window<Ticket> window = tickets.scroll(query, ScrollPosition.keyset());
        seen.addAll(window.getContent().stream().map(Ticket::subject).toList());
        while (window.hasNext()) {
            window = tickets.scroll(query, window.positionAt(window.size() - 1));
            seen.addAll(window.getContent().stream().map(Ticket::subject).toList());
        }
        assertThat(seen).hasSize(4).startsWith("Busy", "Tagged").containsExactlyInAnyOrder("Busy", "Tagged", "Quiet", "Orphan");
    }

    @Test
    void aggregatesAndCalculationsThroughToOnePaths() {
        assertThat(subjects(Query.all().filter("agent.ticketCount > 1").sort("subject"))).containsExactly("Busy", "Tagged");
        assertThat(subjects(Query.all().filter(gt("agent.openTicketCount", "0")).sort("subject")))
                .containsExactly("Busy", "Tagged");
        // a ticket without an agent: the joined row is null, and so is its aggregate
        assertThat(subjects(Query.all().filter("is_nil(agent.ticketCount)"))).containsExactly("Orphan");
        assertThat(subjects(Query.all().sort(SortKey.asc("agent.ticketCount").nullsFirst(), SortKey.asc("subject"))))
                .containsExactly("Orphan", "Quiet", "Busy", "Tagged");
        // both aggregates over Ann's tickets come from one lateral, after the join to agents
        String sql = COMPILER.select(tickets.resource(), Query.all().filter("agent.ticketCount > 1 and "
                + "agent.openTicketCount > 0")).sql();
        assertThat(occurrences(sql, "LEFT JOIN LATERAL")).as(sql).isEqualTo(1);
        assertThat(sql).contains("LEFT JOIN \"public\".\"agents\" t1 ON t1.\"id\" = t0.\"agent_id\" LEFT JOIN LATERAL");

        assertThat(subjects(Query.all().filter("agent.displayName == 'Ann Lee'").sort("subject"))).containsExactly("Busy", "Tagged");
        assertThat(subjects(Query.all().filter("agent.displayName == 'Bob -'"))).containsExactly("Quiet");
        assertThat(subjects(Query.all().sort("-agent.displayName", "subject").filter("not is_nil(agent)")))
                .containsExactly("Quiet", "Busy", "Tagged");
        assertThat(comments.read(Query.all().filter("ticket.commentCount >= 4"))).hasSize(4);

        // HTTP input reaches a related record's public aggregates and calculations too
        io.ashspring.query.QueryInput input = new io.ashspring.query.QueryInput(REGISTRY);
        assertThat(subjects(input.apply(Query.all(), tickets.resource(), Map.of("filter[agent][ticketCount][gt]", "1",
                "sort", "-agent.displayName,subject")))).containsExactly("Busy", "Tagged");
        assertThat(subjects(input.apply(Query.all(), tickets.resource(), Map.of("filter[agent.displayName]", "Bob -"))))
                .containsExactly("Quiet");
        assertThatThrownBy(() -> input.apply(Query.all(), tickets.resource(), Map.of("filter[agent][fullName]", "Ann Lee")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("agent.fullName");

        Query byAgentLoad = Query.all().sort("agent.ticketCount", "subject").limit(2);
        Window<Ticket> first = tickets.scroll(byAgentLoad, ScrollPosition.keyset());
        Window<Ticket> second = tickets.scroll(byAgentLoad, first.positionAt(first.size() - 1));
        assertThat(first.getContent()).extracting(Ticket::subject).containsExactly("Quiet", "Busy");
        assertThat(second.getContent()).extracting(Ticket::subject).containsExactly("Tagged", "Orphan");

        assertThatThrownBy(() -> tickets.read(Query.all().filter("agent.nope > 1"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Ticket").hasMessageContaining("agent.nope");
        assertThatThrownBy(() -> tickets.read(Query.all().filter("agent.fullName == 'Ann Lee'")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Agent").hasMessageContaining("Java");
        assertThatThrownBy(() -> tickets.read(Query.all().filter("comments.ticket.commentCount > 1")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("exists(comments");
    }

    @Test
    void parentRefersToTheRowARelationshipStartsFrom() {
        // tickets with a comment by their own agent
        assertThat(subjects(Query.all().filter("exists(comments, author == parent(agent))"))).containsExactly("Busy");
        assertThat(subjects(Query.all().filter(exists("comments", eq("author", parent("agent")))))).containsExactly("Busy");
        assertThat(subjects(Query.all().filter("exists(comments, votes > parent(priority))"))).isEmpty();
        assertThat(subjects(Query.all().filter(exists("comments", and(gt("votes", 1), gt(parent("priority"), 4))))))
                .containsExactly("Busy");
        // in an aggregate's filter: @Count(value = "comments", filter = "author == parent(agent)")
        List<Ticket> read = tickets.read(Query.all().load("agentCommentCount", "commentCount").sort("subject"));
        assertThat(read).extracting(Ticket::subject, Ticket::agentCommentCount, Ticket::commentCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Busy", 2L, 4L), org.assertj.core.groups.Tuple.tuple("Orphan", 0L, 0L),
                org.assertj.core.groups.Tuple.tuple("Quiet", 0L, 0L), org.assertj.core.groups.Tuple.tuple("Tagged", 0L, 1L));
        assertThat(subjects(Query.all().filter("agentCommentCount > 0"))).containsExactly("Busy");
        // an aggregate of the outer row inside a shared aggregate's filter: its own correlated subquery
        assertThat(tickets.read(Query.all().load("topVotedCount", "maxVotes").sort("subject")))
                .extracting(Ticket::subject, Ticket::topVotedCount).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Busy", 2L), org.assertj.core.groups.Tuple.tuple("Orphan", 0L),
                        org.assertj.core.groups.Tuple.tuple("Quiet", 0L), org.assertj.core.groups.Tuple.tuple("Tagged", 1L));
        // a null on either side is unknown, as any comparison: Orphan has no agent
        assertThat(subjects(Query.all().filter("not exists(comments, author == parent(agent))").sort("subject")))
                .containsExactly("Orphan", "Quiet", "Tagged");

        assertThatThrownBy(() -> tickets.read(Query.all().filter("priority == parent(priority)")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Ticket")
                .hasMessageContaining("parent(priority)").hasMessageContaining("inside exists");
        assertThatThrownBy(() -> tickets.read(Query.all().filter("exists(comments, parent(nope) == 1)")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("nope");
    }
}
