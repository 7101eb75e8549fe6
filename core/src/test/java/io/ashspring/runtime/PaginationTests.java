package io.ashspring.runtime;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.Ticket;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static io.ashspring.expr.Expressions.lower;
import static io.ashspring.expr.Expressions.trigramSimilarity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offset pages and slices, keyset windows (forward, backward, ties, nulls, related and expression
 * keys, writes between windows), streams read window by window, select/deselect and distinct-on.
 */
@PostgresTest(extensions = {"pg_trgm"})
class PaginationTests {

    static JdbcClient jdbc;
    static AshRuntime ash;
    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    ResourceService<Ticket> tickets;
    ResourceService<Representative> representatives;

    @BeforeAll
    static void schema(TestDatabase database) {
        DataSource plain = database.dataSource();
        MigrationGenerator.createSchema(plain, Helpdesk.registry());
        // counts connections: outside a transaction every statement takes one
        DataSource counting = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        CONNECTIONS.incrementAndGet();
                    }
                    return method.invoke(plain, args);
                });
        ash = AshRuntime.of(Helpdesk.registry(), counting);
        jdbc = JdbcClient.create(plain);
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE tickets, comments, representatives").update();
        tickets = ash.service(Ticket.class);
        representatives = ash.service(Representative.class);
    }

    /** Tickets t01..tNN, all with the same priority (ties everywhere) unless a priority is given. */
    private void create(int count, Integer priority) {
        for (int i = 1; i <= count; i++) {
            Map<String, Object> input = new HashMap<>();
            input.put("subject", String.format("t%02d", i));
            input.put("priority", priority);
            tickets.create(input);
        }
    }

    private static List<String> subjects(List<Ticket> records) {
        return records.stream().map(Ticket::subject).toList();
    }

    /** Every window of a keyset scroll, following positionAt(last) until hasNext is false. */
    private List<List<String>> scrollAll(Query query) {
        List<List<String>> windows = new ArrayList<>();
        ScrollPosition position = ScrollPosition.keyset();
        while (true) {
            Window<Ticket> window = tickets.scroll(query, position);
            windows.add(subjects(window.getContent()));
            if (!window.hasNext()) {
                return windows;
            }
            position = window.positionAt(window.size() - 1);
        }
    }

    @Test
    void offsetPagesAreStableWithTiesAndKnowTheirTotal() {
        create(10, 3);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Page<Ticket> result = tickets.page(Query.all(), PageRequest.of(page, 3, Sort.by("priority")));
            assertThat(result.getTotalElements()).isEqualTo(10);
            seen.addAll(subjects(result.getContent()));
        }
        assertThat(seen).hasSize(10).doesNotHaveDuplicates();
        Page<Ticket> last = tickets.page(Query.all(), PageRequest.of(3, 3));
        assertThat(last.getContent()).hasSize(1);
        assertThat(last.isLast()).isTrue();
        Page<Ticket> beyond = tickets.page(Query.all(), PageRequest.of(4, 3));
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.getTotalElements()).isEqualTo(10);
    }

    @Test
    void anEmptyResultIsOneEmptyPageSliceAndWindow() {
        Page<Ticket> page = tickets.page(Query.all(), PageRequest.of(0, 5));
        assertThat(page.getContent()).isEmpty();
        assertThat(page.getTotalElements()).isZero();
        assertThat(page.getTotalPages()).isZero();
        assertThat(tickets.slice(Query.all(), PageRequest.of(0, 5)).hasNext()).isFalse();
        Window<Ticket> window = tickets.scroll(Query.all().limit(5), ScrollPosition.keyset());
        assertThat(window.isEmpty()).isTrue();
        assertThat(window.hasNext()).isFalse();
        try (Stream<Ticket> stream = tickets.stream(Query.all())) {
            assertThat(stream).isEmpty();
        }
    }

    @Test
    void slicesTellWhetherMoreFollowWithoutCounting() {
        create(6, 1);
        Slice<Ticket> first = tickets.slice(Query.all().sort("subject"), PageRequest.of(0, 3));
        assertThat(subjects(first.getContent())).containsExactly("t01", "t02", "t03");
        assertThat(first.hasNext()).isTrue();
        Slice<Ticket> last = tickets.slice(Query.all().sort("subject"), PageRequest.of(1, 3));
        assertThat(subjects(last.getContent())).containsExactly("t04", "t05", "t06");
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void keysetWindowsWalkTiesByPrimaryKeyAndKnowTheLastWindowExactly() {
        create(9, 2);
        List<List<String>> windows = scrollAll(Query.all().sort("priority").limit(3));
        assertThat(windows).hasSize(3).allSatisfy(w -> assertThat(w).hasSize(3));
        List<String> all = windows.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(9).doesNotHaveDuplicates()
                .containsExactlyElementsOf(subjects(tickets.read(Query.all().sort("priority", "id"))));
    }

    @Test
    void keysetWindowsHandleNullsFirstAndLastInBothDirections() {
        create(4, null);
        for (int i = 5; i <= 8; i++) {
            tickets.create(Map.of("subject", String.format("t%02d", i), "priority", i % 2));
        }
        for (SortKey key : List.of(SortKey.asc("priority"), SortKey.desc("priority"), SortKey.asc("priority").nullsFirst(),
                SortKey.desc("priority").nullsLast())) {
            Query query = Query.all().sort(key).limit(3);
            List<String> expected = subjects(tickets.read(Query.all().sort(key).sort("id")));
            assertThat(scrollAll(query).stream().flatMap(List::stream).toList()).as(key.toString())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void backwardWindowsReadTheRecordsBeforeAPositionInTheQuerysOrder() {
        create(7, 1);
        Query query = Query.all().sort("subject").limit(3);
        Window<Ticket> first = tickets.scroll(query, ScrollPosition.keyset());
        Window<Ticket> second = tickets.scroll(query, first.positionAt(2));
        assertThat(subjects(second.getContent())).containsExactly("t04", "t05", "t06");
        Window<Ticket> back = tickets.scroll(query, ((KeysetScrollPosition) second.positionAt(0)).backward());
        assertThat(subjects(back.getContent())).containsExactly("t01", "t02", "t03");
        assertThat(back.hasNext()).isFalse(); // nothing before t01
        Window<Ticket> end = tickets.scroll(query, ScrollPosition.keyset().backward());
        assertThat(subjects(end.getContent())).containsExactly("t05", "t06", "t07");
        assertThat(end.hasNext()).isTrue();
        Window<Ticket> beforeEnd = tickets.scroll(query, end.positionAt(0));
        assertThat(subjects(beforeEnd.getContent())).containsExactly("t02", "t03", "t04");
    }

    @Test
    void deletesAndInsertsBetweenKeysetWindowsNeitherSkipNorRepeat() {
        create(6, 1);
        Query query = Query.all().sort("subject").limit(2);
        Window<Ticket> first = tickets.scroll(query, ScrollPosition.keyset());
        assertThat(subjects(first.getContent())).containsExactly("t01", "t02");
        tickets.destroyRecord(first.getContent().get(1)); // the position's own row disappears
        tickets.create(Map.of("subject", "t00")); // before the position: not this scroll's business
        tickets.create(Map.of("subject", "t03a"));
        Window<Ticket> second = tickets.scroll(query, first.positionAt(1));
        assertThat(subjects(second.getContent())).containsExactly("t03", "t03a");
    }

    @Test
    void offsetPagesShiftWhenRowsAreDeletedBetweenThemWhichKeysetWindowsDoNot() {
        create(6, 1);
        Page<Ticket> first = tickets.page(Query.all(), PageRequest.of(0, 2, Sort.by("subject")));
        tickets.destroyRecord(first.getContent().get(0));
        Page<Ticket> second = tickets.page(Query.all(), PageRequest.of(1, 2, Sort.by("subject")));
        assertThat(subjects(second.getContent())).containsExactly("t04", "t05"); // t03 is never seen
    }

    @Test
    void keysetWindowsSortByRelatedAttributesAndExpressions() {
        Representative ann = representatives.create(Map.of("name", "Ann"));
        Representative bob = representatives.create(Map.of("name", "Bob"));
        for (int i = 1; i <= 7; i++) {
            Map<String, Object> input = new HashMap<>();
            input.put("subject", (i % 2 == 0 ? "Printer " : "printer ") + i);
            input.put("representative", i % 3 == 0 ? null : i % 3 == 1 ? ann.id() : bob.id());
            tickets.create(input);
        }
        Query byRepresentative = Query.all().sort("-representative.name").limit(2);
        assertThat(scrollAll(byRepresentative).stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(subjects(tickets.read(Query.all().sort("-representative.name", "id"))));
        Query byExpression = Query.all().sort(SortKey.asc(lower("subject"))).limit(3);
        Window<Ticket> window = tickets.scroll(byExpression, ScrollPosition.keyset());
        assertThat(((KeysetScrollPosition) window.positionAt(0)).getKeys()).containsOnlyKeys("$0", "id")
                .containsEntry("$0", "printer 1");
        assertThat(scrollAll(byExpression).stream().flatMap(List::stream).toList())
                .containsExactly("printer 1", "Printer 2", "printer 3", "Printer 4", "printer 5", "Printer 6", "printer 7");
    }

    @Test
    void keysetPositionsSortedByARealExpressionSurviveAJsonRoundTrip() {
        // trigram_similarity returns real: a float key 0.30769232f would come back from JSON as the double
        // 0.30769232, another number than the row's value, and rows would repeat or go missing
        for (String subject : List.of("printer", "printers", "printer jam", "the printer is on fire", "print",
                "paper jam", "printed", "Printer Jam", "blueprint", "sprinter", "pointer", "printer ink")) {
            tickets.create(Map.of("subject", subject));
        }
        Query query = Query.all().sort(SortKey.desc(trigramSimilarity("subject", "printer"))).limit(2);
        JsonMapper json = JsonMapper.builder().build();
        List<String> seen = new ArrayList<>();
        ScrollPosition position = ScrollPosition.keyset();
        Window<Ticket> window;
        do {
            window = tickets.scroll(query, position);
            seen.addAll(subjects(window.getContent()));
            if (!window.isEmpty()) {
                Map<String, Object> keys = ((KeysetScrollPosition) window.positionAt(window.size() - 1)).getKeys();
                // an expression's position is PostgreSQL's text of its value, read back as a real by PostgreSQL
                assertThat(keys.get("$0")).isInstanceOf(String.class);
                // as a client sends it back: JSON out, JSON in
                position = ScrollPosition.forward(json.readValue(json.writeValueAsString(keys),
                        new TypeReference<Map<String, Object>>() { }));
            }
        } while (window.hasNext() && seen.size() < 30); // a position that repeats a row would loop forever
        assertThat(seen).containsExactlyElementsOf(subjects(tickets.read(Query.all()
                .sort(SortKey.desc(trigramSimilarity("subject", "printer")), SortKey.asc("id")))));
    }

    @Test
    void offsetScrollPositionsPageByOffset() {
        create(5, 1);
        Query query = Query.all().sort("subject").limit(2);
        Window<Ticket> first = tickets.scroll(query, ScrollPosition.offset());
        assertThat(subjects(first.getContent())).containsExactly("t01", "t02");
        Window<Ticket> second = tickets.scroll(query, first.positionAt(1));
        assertThat(subjects(second.getContent())).containsExactly("t03", "t04");
        Window<Ticket> third = tickets.scroll(query, second.positionAt(1));
        assertThat(subjects(third.getContent())).containsExactly("t05");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void scrollNeedsALimitNoOffsetAndAPositionThatMatchesTheSort() {
        assertThatThrownBy(() -> tickets.scroll(Query.all(), ScrollPosition.keyset()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> tickets.scroll(Query.all().limit(2).offset(1), ScrollPosition.keyset()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> tickets.scroll(Query.all().limit(2), ScrollPosition.forward(Map.of("subject", "x"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("does not match the sort");
    }

    @Test
    void streamsReadWindowByWindowAsConsumedAndStopWhenClosed() {
        create(7, 1);
        try (Stream<Ticket> stream = tickets.stream(Query.all().sort("-subject"), 2)) {
            assertThat(stream.map(Ticket::subject)).containsExactly("t07", "t06", "t05", "t04", "t03", "t02", "t01");
        }
        try (Stream<Ticket> stream = tickets.stream(Query.all().sort("subject").limit(3), 2)) {
            assertThat(stream.map(Ticket::subject)).containsExactly("t01", "t02", "t03");
        }
        int before = CONNECTIONS.get();
        Stream<Ticket> stream = tickets.stream(Query.all().sort("subject"), 2);
        Iterator<Ticket> records = stream.iterator();
        assertThat(CONNECTIONS.get()).isEqualTo(before); // nothing read until consumed
        assertThat(records.next().subject()).isEqualTo("t01");
        assertThat(records.next().subject()).isEqualTo("t02");
        assertThat(records.next().subject()).isEqualTo("t03");
        assertThat(CONNECTIONS.get()).isEqualTo(before + 2); // two windows of two
        stream.close();
        assertThat(records.hasNext()).isFalse();
        assertThat(CONNECTIONS.get()).isEqualTo(before + 2);
    }

    @Test
    void selectLeavesOtherComponentsNullAndAlwaysReadsTheKey() {
        Ticket created = tickets.create(Map.of("subject", "Partial", "priority", 4));
        Ticket partial = tickets.read(Query.all().select("subject")).get(0);
        assertThat(partial.id()).isEqualTo(created.id());
        assertThat(partial.subject()).isEqualTo("Partial");
        assertThat(partial.priority()).isNull();
        assertThat(partial.status()).isNull();
        assertThat(partial.insertedAt()).isNull();
        Ticket most = tickets.read(Query.all().deselect("subject", "insertedAt")).get(0);
        assertThat(most.subject()).isNull();
        assertThat(most.insertedAt()).isNull();
        assertThat(most.priority()).isEqualTo(4);
        assertThat(most.status()).isEqualTo(Status.OPEN);
        assertThatThrownBy(() -> tickets.read(Query.all().select("nope"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Ticket.nope");
    }

    @Test
    void distinctKeepsTheFirstRecordOfEachCombinationByTheSort() {
        tickets.create(Map.of("subject", "a", "status", "open", "priority", 1));
        tickets.create(Map.of("subject", "b", "status", "open", "priority", 7));
        tickets.create(Map.of("subject", "c", "status", "closed", "priority", 2));
        tickets.create(Map.of("subject", "d", "status", "closed", "priority", 5));
        Query highest = Query.all().distinct("status").sort("-priority");
        assertThat(subjects(tickets.read(highest))).containsExactly("d", "b"); // ordered by status first
        assertThat(tickets.count(highest)).isEqualTo(2);
        assertThat(tickets.page(highest, PageRequest.of(0, 1)).getTotalElements()).isEqualTo(2);
    }
}
