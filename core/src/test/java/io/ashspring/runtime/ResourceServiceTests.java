package io.ashspring.runtime;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.error.NotFoundException;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.Ticket;
import io.ashspring.query.Query;
import io.ashspring.resource.Ref;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.Expressions.and;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.isNil;
import static io.ashspring.expr.Expressions.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class ResourceServiceTests {

    static AshRuntime ash;
    static JdbcClient jdbc;
    ResourceService<Ticket> tickets;
    ResourceService<Comment> comments;
    ResourceService<Representative> representatives;

    @BeforeAll
    static void schema(TestDatabase database) {
        ash = Databases.runtime(database, Helpdesk.registry());
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE tickets, comments, representatives").update();
        tickets = ash.service(Ticket.class);
        comments = ash.service(Comment.class);
        representatives = ash.service(Representative.class);
    }

    @Test
    void createReturnsTheStoredRecordWithDefaultsAndGeneratedValues() {
        Instant before = Instant.now().minusSeconds(5);
        Ticket ticket = tickets.create(Map.of("subject", "Printer on fire"));
        assertThat(ticket.id()).isNotNull();
        assertThat(ticket.subject()).isEqualTo("Printer on fire");
        assertThat(ticket.status()).isEqualTo(Status.OPEN);
        assertThat(ticket.priority()).isEqualTo(1);
        assertThat(ticket.insertedAt()).isAfter(before);
        assertThat(ticket.updatedAt()).isEqualTo(ticket.insertedAt());
        assertThat(ticket.representative()).isNull();
        assertThat(ticket.comments()).isNull();
        assertThat(jdbc.sql("SELECT status FROM tickets WHERE id = ?").param(ticket.id()).query(String.class).single())
                .isEqualTo("open");
    }

    @Test
    void belongsToKeysAreAcceptedByRelationshipOrAttributeNameAndComeBackAsRefs() {
        Representative rep = representatives.create(Map.of("name", "Rosa"));
        Ticket byRelationship = tickets.create(Map.of("subject", "a", "representative", rep.id()));
        Ticket byAttribute = tickets.create(Map.of("subject", "b", "representativeId", rep.id().toString()));
        Ticket byRef = tickets.create(Map.of("subject", "c", "representative", Ref.to(rep.id())));
        assertThat(List.of(byRelationship, byAttribute, byRef))
                .allSatisfy(t -> assertThat(t.representative().id()).isEqualTo(rep.id()));
        assertThat(byRef.representative().isLoaded()).isFalse();
    }

    @Test
    void getFindsByKeyAndUnknownKeysAreNotFound() {
        Ticket ticket = tickets.create(Map.of("subject", "Lost"));
        assertThat(tickets.get(ticket.id())).isEqualTo(ticket);
        assertThat(tickets.get(ticket.id().toString())).isEqualTo(ticket);
        UUID missing = UUID.randomUUID();
        assertThat(tickets.find(missing)).isEmpty();
        assertThatThrownBy(() -> tickets.get(missing)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Ticket not found").hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> tickets.get("not-a-uuid")).isInstanceOf(NotFoundException.class);
        assertThat(tickets.find("not-a-uuid")).isEmpty();
    }

    @Test
    void readFiltersSortsLimitsAndOffsets() {
        for (int i = 1; i <= 5; i++) {
            tickets.create(Map.of("subject", "t" + i, "priority", i, "status", i % 2 == 0 ? "closed" : "open"));
        }
        assertThat(tickets.read(q -> q.where("status", Status.OPEN).sort("-priority")))
                .extracting(Ticket::subject).containsExactly("t5", "t3", "t1");
        assertThat(tickets.read(q -> q.sort("priority").limit(2).offset(1)))
                .extracting(Ticket::subject).containsExactly("t2", "t3");
        assertThat(tickets.read(Query.all().filter(or(eq("subject", "t1"), and(gt("priority", 3), eq("status", "closed"))))
                .sort(Sort.by("subject")))).extracting(Ticket::subject).containsExactly("t1", "t4");
        assertThat(tickets.count(Query.all().where("status", "closed"))).isEqualTo(2);
        assertThat(tickets.read(q -> q.filter(isNil("representativeId")))).hasSize(5);
        assertThat(tickets.read(q -> q.where("representativeId", null))).hasSize(5);
    }

    @Test
    void pagesCarryTheTotalCount() {
        for (int i = 1; i <= 5; i++) {
            tickets.create(Map.of("subject", "p" + i, "priority", i));
        }
        Page<Ticket> page = tickets.page(Query.all(), PageRequest.of(1, 2, Sort.by("priority")));
        assertThat(page.getContent()).extracting(Ticket::subject).containsExactly("p3", "p4");
        assertThat(page.getTotalElements()).isEqualTo(5);
        assertThat(page.getTotalPages()).isEqualTo(3);
        Page<Ticket> beyond = tickets.page(Query.all(), PageRequest.of(9, 2));
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.getTotalElements()).isEqualTo(5);
    }

    @Test
    void filtersOnUnknownAttributesAreRejectedNamingTheAttribute() {
        assertThatThrownBy(() -> tickets.read(q -> q.where("nope", 1))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Ticket.nope").hasMessageContaining("subject");
        assertThatThrownBy(() -> tickets.read(q -> q.sort("-nope"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> tickets.read(q -> q.where("priority", "high"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("priority");
    }

    @Test
    void updateChangesOnlyTheGivenAttributesAndTouchesTheUpdateTimestamp() throws InterruptedException {
        Ticket ticket = tickets.create(Map.of("subject", "Slow", "priority", 3));
        Thread.sleep(5);
        Ticket updated = tickets.update(ticket.id(), Map.of("status", Status.CLOSED));
        assertThat(updated.status()).isEqualTo(Status.CLOSED);
        assertThat(updated.subject()).isEqualTo("Slow");
        assertThat(updated.priority()).isEqualTo(3);
        assertThat(updated.insertedAt()).isEqualTo(ticket.insertedAt());
        assertThat(updated.updatedAt()).isAfter(ticket.updatedAt());
        Ticket again = tickets.updateRecord(updated, Map.of("priority", 4));
        assertThat(again.priority()).isEqualTo(4);
        assertThat(tickets.get(ticket.id())).isEqualTo(again);
        assertThatThrownBy(() -> tickets.update(UUID.randomUUID(), Map.of("priority", 1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void destroyRemovesTheRecordAndCascadesWhereTheReferenceSaysSo() {
        Ticket ticket = tickets.create(Map.of("subject", "Gone"));
        comments.create(Map.of("body", "first", "ticket", ticket.id()));
        tickets.destroyRecord(ticket);
        assertThat(tickets.find(ticket.id())).isEmpty();
        assertThat(comments.readAll()).isEmpty();
        assertThatThrownBy(() -> tickets.destroy(ticket.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAReferencedRecordNilifiesWhereTheReferenceSaysSo() {
        Representative rep = representatives.create(Map.of("name", "Nils"));
        Ticket ticket = tickets.create(Map.of("subject", "Orphan", "representative", rep.id()));
        representatives.destroy(rep.id());
        assertThat(tickets.get(ticket.id()).representative()).isNull();
    }

    @Test
    void citextAttributesCompareCaseInsensitively() {
        representatives.create(Map.of("name", "Ann", "email", "Ann@Example.com"));
        assertThat(representatives.read(q -> q.where("email", "ann@example.COM"))).hasSize(1);
    }

    @Test
    void everyValueIsBoundSoHostileTextIsJustData() {
        String hostile = "x'); DROP TABLE tickets; --";
        Ticket ticket = tickets.create(new HashMap<>(Map.of("subject", hostile)));
        assertThat(tickets.read(q -> q.where("subject", hostile))).containsExactly(ticket);
        assertThat(jdbc.sql("SELECT count(*) FROM tickets").query(Long.class).single()).isEqualTo(1);
    }
}
