package io.ashspring.runtime;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.fixtures.load.Agent;
import io.ashspring.fixtures.load.Comment;
import io.ashspring.fixtures.load.Detail;
import io.ashspring.fixtures.load.Tag;
import io.ashspring.fixtures.load.Ticket;
import io.ashspring.fixtures.load.TicketTag;
import io.ashspring.query.Lock;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Union, intersect and except of two queries of one resource: sets of records, filtered, sorted, paged and loaded further. */
@PostgresTest
class CombinationTests {

    static ResourceService<Ticket> tickets;

    @BeforeAll
    static void data(TestDatabase database) {
        AshRuntime ash = Databases.runtime(database, ResourceRegistry.of(Agent.class, Ticket.class, Comment.class,
                Detail.class, Tag.class, TicketTag.class));
        tickets = ash.service(Ticket.class);
        ResourceService<Comment> comments = ash.service(Comment.class);
        tickets.create(Map.of("subject", "A", "priority", 9));
        tickets.create(Map.of("subject", "B", "priority", 7, "status", "closed"));
        tickets.create(Map.of("subject", "C", "priority", 5));
        Ticket d = tickets.create(Map.of("subject", "D", "priority", 1, "status", "closed"));
        tickets.create(Map.of("subject", "E", "priority", 3));
        comments.create(Map.of("body", "x", "ticket", d.id()));
    }

    private static List<String> subjects(Query query) {
        return tickets.read(query).stream().map(Ticket::subject).toList();
    }

    static final Query URGENT = Query.all().filter("priority >= 7");
    static final Query CLOSED = Query.all().filter("status == 'closed'");

    @Test
    void unionIntersectAndExceptAreSetsOfRecords() {
        assertThat(subjects(URGENT.union(CLOSED).sort("subject"))).containsExactly("A", "B", "D"); // B once
        assertThat(subjects(URGENT.intersect(CLOSED))).containsExactly("B");
        assertThat(subjects(URGENT.except(CLOSED))).containsExactly("A");
        assertThat(subjects(CLOSED.except(URGENT))).containsExactly("D");
        assertThat(subjects(URGENT.except(URGENT))).isEmpty();
        // combinations nest
        assertThat(subjects(URGENT.union(CLOSED).except(Query.all().filter("subject == 'A'")).sort("subject")))
                .containsExactly("B", "D");
    }

    @Test
    void eachSideKeepsItsOwnSortAndLimit() {
        Query topTwo = Query.all().sort("-priority").limit(2); // A, B
        Query lowest = Query.all().sort("priority").limit(1); // D
        assertThat(subjects(topTwo.union(lowest).sort("subject"))).containsExactly("A", "B", "D");
        assertThat(subjects(topTwo.intersect(CLOSED))).containsExactly("B");
    }

    @Test
    void theCombinationIsFilteredSortedPagedCountedScrolledAndLoadedFurther() {
        Query both = URGENT.union(CLOSED);
        assertThat(subjects(both.filter("priority < 9").sort("-priority"))).containsExactly("B", "D");
        assertThat(tickets.count(both)).isEqualTo(3);
        assertThat(tickets.page(both, PageRequest.of(1, 2, Sort.by("subject"))).getContent()).extracting(Ticket::subject)
                .containsExactly("D");
        assertThat(tickets.scroll(both.sort("subject").limit(2), ScrollPosition.keyset()).getContent())
                .extracting(Ticket::subject).containsExactly("A", "B");
        List<Ticket> loaded = tickets.read(both.sort("subject").load("comments", "commentCount"));
        assertThat(loaded).extracting(Ticket::commentCount).containsExactly(0L, 0L, 1L);
        assertThat(loaded.get(2).comments()).hasSize(1);
        // arguments of the combined query reach both sides
        assertThat(subjects(Query.all().filter("priority > ^arg(min)").union(Query.all().filter("priority < ^arg(max)"))
                .argument("min", 8).argument("max", 2).sort("subject"))).containsExactly("A", "D");
    }

    @Test
    void loadsSelectAndLocksBelongOnTheCombinedQuery() {
        assertThatThrownBy(() -> tickets.read(URGENT.load("comments").union(CLOSED)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Ticket")
                .hasMessageContaining("on the combined query");
        assertThatThrownBy(() -> tickets.read(URGENT.union(CLOSED.lock(Lock.forUpdate()))))
                .isInstanceOf(InvalidQueryException.class);
    }
}
