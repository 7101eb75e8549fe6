package io.ashspring.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.ExpressionSyntaxException;
import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Ticket;
import io.ashspring.query.Query;
import io.ashspring.query.QueryInput;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.Expressions.arg;
import static io.ashspring.expr.Expressions.attr;
import static io.ashspring.expr.Expressions.cast;
import static io.ashspring.expr.Expressions.concat;
import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.exists;
import static io.ashspring.expr.Expressions.fragment;
import static io.ashspring.expr.Expressions.fullText;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.in;
import static io.ashspring.expr.Expressions.like;
import static io.ashspring.expr.Expressions.startsWith;
import static io.ashspring.expr.Expressions.trigramSimilarity;
import static io.ashspring.expr.Expressions.gt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile strings fed through every front-end — values, arguments, fragment arguments, parser
 * text, builder attribute names, sort keys, keyset positions, and HTTP filter field names,
 * operators and values — are each either bound as data (and then found as data) or rejected
 * before any SQL runs. After every test the canary table still exists with its one row, and no
 * ticket was added, changed or removed.
 */
@PostgresTest(extensions = {"pg_trgm"})
class InjectionTests {

    static final List<String> HOSTILE = List.of(
            "x'); DROP TABLE canary; --",
            "'; DELETE FROM tickets; --",
            "\" OR 1=1 --",
            "1; SELECT pg_sleep(5)",
            "%' OR '1'='1",
            "$$; DROP TABLE canary; $$",
            "\\'; DROP TABLE canary; --",
            "? OR ? --",
            "t0.\"subject\" IS NOT NULL OR 'a'='a",
            "*/ DROP TABLE canary; /*",
            "_%!",
            // special in PostgreSQL's array text form, which an in list's one array bind goes through
            "null",
            "{x,\"y\"}, \\\"}{");

    static JdbcClient jdbc;
    static ResourceService<Ticket> tickets;
    static QueryInput input;
    static List<Ticket> all;

    @BeforeAll
    static void data(TestDatabase database) {
        AshRuntime ash = Databases.runtime(database, Helpdesk.registry());
        jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("CREATE TABLE canary (id integer)").update();
        jdbc.sql("INSERT INTO canary VALUES (1)").update();
        tickets = ash.service(Ticket.class);
        input = new QueryInput(ash.registry());
        for (String hostile : HOSTILE) {
            Ticket ticket = tickets.create(Map.of("subject", hostile));
            ash.service(Comment.class).create(Map.of("body", hostile, "ticket", ticket.id()));
        }
        tickets.create(Map.of("subject", "innocent"));
        all = tickets.read(Query.all().sort("id"));
    }

    @AfterEach
    void nothingElseRan() {
        assertThat(jdbc.sql("SELECT count(*) FROM canary").query(Long.class).single()).isEqualTo(1);
        assertThat(tickets.read(Query.all().sort("id"))).isEqualTo(all);
    }

    private static List<String> subjects(Query query) {
        return tickets.read(query).stream().map(Ticket::subject).toList();
    }

    @Test
    void valuesAreBoundSoEachHostileStringFindsOnlyItself() {
        for (String hostile : HOSTILE) {
            assertThat(subjects(Query.all().where("subject", hostile))).as(hostile).containsExactly(hostile);
            assertThat(subjects(Query.all().filter(contains("subject", hostile)))).as(hostile).containsExactly(hostile);
            assertThat(subjects(Query.all().filter(startsWith("subject", hostile)))).as(hostile).containsExactly(hostile);
            assertThat(subjects(Query.all().filter(in("subject", hostile, "none")))).as(hostile).containsExactly(hostile);
            assertThat(subjects(Query.all().filter(eq(concat(attr("subject"), hostile), hostile + hostile))))
                    .as(hostile).containsExactly(hostile);
            assertThat(subjects(Query.all().filter(exists("comments", eq("body", hostile))))).as(hostile)
                    .containsExactly(hostile);
            assertThat(subjects(Query.all().filter(eq(cast(attr("subject"), io.ashspring.expr.CastType.TEXT), hostile))))
                    .as(hostile).containsExactly(hostile);
            // patterns and search terms are data too: at worst they match more, never run anything
            assertThat(subjects(Query.all().filter(like("subject", hostile)))).as(hostile).hasSizeLessThanOrEqualTo(all.size());
            assertThat(subjects(Query.all().filter(ilike("subject", hostile)))).as(hostile).hasSizeLessThanOrEqualTo(all.size());
            assertThat(tickets.read(Query.all().filter(fullText("subject", hostile)))).hasSizeLessThanOrEqualTo(all.size());
            assertThat(tickets.read(Query.all().filter(gt(trigramSimilarity("subject", hostile), 0.5))))
                    .hasSizeLessThanOrEqualTo(all.size());
        }
        assertThat(subjects(Query.all().filter(gt(trigramSimilarity("subject", "innocent"), 0.99)))).containsExactly("innocent");
    }

    @Test
    void argumentsAndFragmentArgumentsAreBound() {
        for (String hostile : HOSTILE) {
            assertThat(subjects(Query.all().filter(eq(attr("subject"), arg("s"))).argument("s", hostile)))
                    .as(hostile).containsExactly(hostile);
            assertThat(subjects(Query.all().filter("subject == ^arg(s)").argument("s", hostile))).as(hostile)
                    .containsExactly(hostile);
            assertThat(subjects(Query.all().filter(fragment("lower(?) = lower(?)", attr("subject"), hostile))))
                    .as(hostile).containsExactly(hostile);
            assertThat(subjects(Query.all().filter(fragment("? = ?", hostile, attr("subject"))))).as(hostile)
                    .containsExactly(hostile);
        }
    }

    @Test
    void parserTextKeepsQuotedHostileTextAsAValueAndRejectsEverythingElse() {
        assertThat(subjects(Query.all().filter("subject == 'x''); DROP TABLE canary; --'")))
                .containsExactly("x'); DROP TABLE canary; --");
        assertThat(subjects(Query.all().filter("subject == \"'; DELETE FROM tickets; --\"")))
                .containsExactly("'; DELETE FROM tickets; --");
        for (String text : List.of("subject == 'x'; DROP TABLE canary", "subject == 'a' OR 1=1 --",
                "subject == 'x' /* */ DROP TABLE canary", "exists(comments; DROP TABLE canary)", "subject == ^arg(s); --",
                "subject == 'a' or \"subject\")--")) {
            assertThatThrownBy(() -> tickets.read(Query.all().filter(text))).as(text)
                    .isInstanceOfAny(ExpressionSyntaxException.class, InvalidQueryException.class,
                            IllegalArgumentException.class);
        }
        // double quotes make a string, never an identifier
        assertThat(subjects(Query.all().filter("\"subject\" == 'innocent'"))).isEmpty();
    }

    @Test
    void namesFromCodeAreLookedUpInTheModelNeverWrittenIntoSql() {
        for (String name : List.of("subject\" OR 1=1 --", "subject; DROP TABLE canary", "representative.name\"--",
                "comments); DROP TABLE canary; --")) {
            assertThatThrownBy(() -> tickets.read(Query.all().where(name, "x"))).as(name)
                    .isInstanceOfAny(InvalidQueryException.class, IllegalArgumentException.class);
            assertThatThrownBy(() -> tickets.read(Query.all().sort(name))).as(name)
                    .isInstanceOfAny(InvalidQueryException.class, IllegalArgumentException.class);
            assertThatThrownBy(() -> tickets.read(Query.all().filter(exists(name)))).as(name)
                    .isInstanceOf(InvalidQueryException.class);
            assertThatThrownBy(() -> tickets.read(Query.all().select(name))).as(name)
                    .isInstanceOf(InvalidQueryException.class);
        }
        assertThatThrownBy(() -> tickets.read(Query.all().filter(fullText(attr("subject"), "x", "english'::regconfig, "
                + "(SELECT 1)) --")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysetPositionsBindTheirValuesAndRejectUnknownKeys() {
        for (String hostile : HOSTILE) {
            Map<String, Object> position = new HashMap<>();
            position.put("subject", hostile);
            position.put("id", all.get(0).id());
            assertThat(tickets.scroll(Query.all().sort("subject").limit(50), ScrollPosition.forward(position)).getContent())
                    .as(hostile).hasSizeLessThanOrEqualTo(all.size());
        }
        assertThatThrownBy(() -> tickets.scroll(Query.all().limit(5), ScrollPosition.forward(
                Map.of("id\" > '0' OR 1=1 --", "x")))).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void httpFilterFieldNamesOperatorsAndSortsAreRejectedAndValuesBound() {
        for (String hostile : HOSTILE) {
            assertThat(subjects(input.apply(Query.all(), tickets.resource(), Map.of("filter[subject]", hostile))))
                    .as(hostile).containsExactly(hostile);
            assertThat(subjects(input.apply(Query.all(), tickets.resource(), Map.of("filter[comments][body][eq]", hostile))))
                    .as(hostile).containsExactly(hostile);
            for (Map<String, String> parameters : List.of(
                    Map.of("filter[" + hostile + "]", "x"),
                    Map.of("filter[subject][" + hostile + "]", "x"),
                    Map.of("filter[representative][" + hostile + "]", "x"),
                    Map.of("sort", hostile),
                    Map.of("sort", "subject," + hostile))) {
                assertThatThrownBy(() -> tickets.read(input.apply(Query.all(), tickets.resource(), parameters)))
                        .as(parameters.toString()).isInstanceOf(InvalidQueryException.class);
            }
        }
        Expr json = input.filter(tickets.resource(), Map.of("or", List.of(Map.of("subject", HOSTILE.get(0)),
                Map.of("subject", Map.of("in", HOSTILE.subList(1, 3))))));
        assertThat(subjects(Query.all().filter(json).sort(SortKey.asc("subject")))).hasSize(3);
    }
}
