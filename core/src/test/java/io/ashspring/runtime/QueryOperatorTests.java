package io.ashspring.runtime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.CastType;
import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.query.Catalog;
import io.ashspring.fixtures.query.Maker;
import io.ashspring.fixtures.query.Product;
import io.ashspring.query.Query;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.DateUnit.DAY;
import static io.ashspring.expr.DateUnit.HOUR;
import static io.ashspring.expr.DateUnit.YEAR;
import static io.ashspring.expr.Expressions.add;
import static io.ashspring.expr.Expressions.ago;
import static io.ashspring.expr.Expressions.and;
import static io.ashspring.expr.Expressions.attr;
import static io.ashspring.expr.Expressions.caseWhen;
import static io.ashspring.expr.Expressions.cast;
import static io.ashspring.expr.Expressions.coalesce;
import static io.ashspring.expr.Expressions.concat;
import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.datetimeAdd;
import static io.ashspring.expr.Expressions.divide;
import static io.ashspring.expr.Expressions.endsWith;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.fragment;
import static io.ashspring.expr.Expressions.fromNow;
import static io.ashspring.expr.Expressions.fullText;
import static io.ashspring.expr.Expressions.fullTextRank;
import static io.ashspring.expr.Expressions.ge;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.ifThenElse;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.in;
import static io.ashspring.expr.Expressions.isNil;
import static io.ashspring.expr.Expressions.json;
import static io.ashspring.expr.Expressions.jsonText;
import static io.ashspring.expr.Expressions.le;
import static io.ashspring.expr.Expressions.length;
import static io.ashspring.expr.Expressions.like;
import static io.ashspring.expr.Expressions.lower;
import static io.ashspring.expr.Expressions.lt;
import static io.ashspring.expr.Expressions.multiply;
import static io.ashspring.expr.Expressions.ne;
import static io.ashspring.expr.Expressions.not;
import static io.ashspring.expr.Expressions.now;
import static io.ashspring.expr.Expressions.or;
import static io.ashspring.expr.Expressions.startsWith;
import static io.ashspring.expr.Expressions.subtract;
import static io.ashspring.expr.Expressions.today;
import static io.ashspring.expr.Expressions.trigramSimilarity;
import static io.ashspring.expr.Expressions.trim;
import static io.ashspring.expr.Expressions.upper;
import static io.ashspring.expr.Expressions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operator and function against a real PostgreSQL, through the builder and the text syntax,
 * including SQL's null semantics: a condition on a null attribute is unknown, so neither it nor
 * its negation matches (only {@code is_nil} and {@code == nil} do).
 */
@PostgresTest(extensions = {"pg_trgm"})
class QueryOperatorTests {

    static ResourceService<Product> products;
    static ResourceService<Maker> makers;

    @BeforeAll
    static void data(TestDatabase database) {
        AshRuntime ash = Databases.runtime(database, Catalog.registry());
        products = ash.service(Product.class);
        makers = ash.service(Maker.class);
        Maker fred = makers.create(Map.of("name", "fred", "country", "NZ"));
        Maker frank = makers.create(Map.of("name", "frank"));
        makers.create(Map.of("name", "Frederick"));
        products.create(Map.ofEntries(Map.entry("name", "Robot"), Map.entry("sku", "SKU-1"), Map.entry("status", "open"),
                Map.entry("stock", 5), Map.entry("price", new BigDecimal("9.99")), Map.entry("rating", 4.5),
                Map.entry("releasedOn", LocalDate.now().minusDays(400)),
                Map.entry("specs", Map.of("size", Map.of("width", 10), "color", "red")),
                Map.entry("tags", List.of("toy", "metal")), Map.entry("description", "A small robot that sweeps the floor"),
                Map.entry("maker", fred.id())));
        products.create(Map.of("name", "ROBOT", "sku", "SKU-2", "status", "closed", "stock", 0,
                "price", new BigDecimal("100.00"), "specs", Map.of("color", "blue"), "tags", List.of(),
                "description", "Industrial robots for factories", "maker", frank.id()));
        products.create(Map.of("name", "100%_sure!", "rating", 3.0, "releasedOn", LocalDate.now().minusYears(5)));
        products.create(Map.of("name", "Gadget", "status", "in_progress", "stock", 12, "price", new BigDecimal("25.50"),
                "rating", 2.0, "releasedOn", LocalDate.now().plusDays(10), "specs", Map.of("size", Map.of("width", 3)),
                "description", "  Kitchen gadget  ", "maker", fred.id()));
    }

    /** The names of the products matched, in Java's order (independent of the server's collation). */
    private static List<String> names(Expr filter) {
        return products.read(Query.all().filter(filter)).stream().map(Product::name).sorted().toList();
    }

    private static List<String> names(String filter) {
        return products.read(Query.all().filter(filter)).stream().map(Product::name).sorted().toList();
    }

    @Test
    void theSeedExamplesLikeIsCaseSensitiveIlikeIsNotAndTrigramsFindFredNotFrank() {
        assertThat(names(like("name", "%obo%"))).containsExactly("Robot");
        assertThat(names(ilike("name", "%ObO%"))).containsExactly("ROBOT", "Robot");
        assertThat(makers.read(Query.all().filter(gt(trigramSimilarity("name", "fred"), 0.8))))
                .extracting(Maker::name).containsExactly("fred");
        assertThat(makers.read(Query.all().filter("trigram_similarity(name, 'fred') > 0.8")))
                .extracting(Maker::name).containsExactly("fred");
    }

    @Test
    void comparisonsFollowSqlNullSemantics() {
        assertThat(names(eq("stock", 5))).containsExactly("Robot");
        assertThat(names(ne("stock", 5))).containsExactly("Gadget", "ROBOT"); // the null stock is neither 5 nor not 5
        assertThat(names(gt("stock", 0))).containsExactly("Gadget", "Robot");
        assertThat(names(ge("stock", 0))).containsExactly("Gadget", "ROBOT", "Robot");
        assertThat(names(lt("stock", 100))).containsExactly("Gadget", "ROBOT", "Robot");
        assertThat(names(le("price", "25.50"))).containsExactly("Gadget", "Robot");
        assertThat(names(not(gt("stock", 1)))).containsExactly("ROBOT"); // NOT unknown is unknown
        assertThat(names(eq("stock", null))).containsExactly("100%_sure!");
        assertThat(names(ne("stock", null))).containsExactly("Gadget", "ROBOT", "Robot");
        assertThat(names(isNil("maker"))).containsExactly("100%_sure!");
        assertThat(names("stock == nil or stock > 10")).containsExactly("100%_sure!", "Gadget");
    }

    @Test
    void inAndNotInAndLogic() {
        assertThat(names(in("status", Status.OPEN, Status.CLOSED))).containsExactly("ROBOT", "Robot");
        assertThat(names(in("status", List.of()))).isEmpty();
        assertThat(names(not(in("stock", List.of(0))))).containsExactly("Gadget", "Robot");
        assertThat(names("status in ['open', 'in_progress']")).containsExactly("Gadget", "Robot");
        assertThat(names(or(eq("name", "Robot"), and(gt("stock", 1), eq("status", Status.IN_PROGRESS)))))
                .containsExactly("Gadget", "Robot");
        assertThat(products.read(Query.all().filter("status in ^arg(statuses)").argument("statuses", List.of("closed"))))
                .extracting(Product::name).containsExactly("ROBOT");
    }

    @Test
    void inListsBindOneTypedArrayForEveryColumnType() {
        Maker fred = makers.read(Query.all().filter(eq("name", "fred"))).get(0);
        assertThat(names(in("maker", fred.id(), java.util.UUID.randomUUID()))).containsExactly("Gadget", "Robot"); // uuid[]
        assertThat(names(in("maker", fred.id().toString()))).containsExactly("Gadget", "Robot"); // text converted to uuid
        assertThat(names(in("name", "Robot", "Gadget", "nope"))).containsExactly("Gadget", "Robot"); // text[]
        assertThat(names(in("stock", 0, 12))).containsExactly("Gadget", "ROBOT"); // int4[]
        assertThat(names(in("price", "9.99", new BigDecimal("100.00")))).containsExactly("ROBOT", "Robot"); // numeric[]
        assertThat(names(in("rating", 4.5, 2.0))).containsExactly("Gadget", "Robot"); // float8[]
        assertThat(names(in("releasedOn", LocalDate.now().plusDays(10)))).containsExactly("Gadget"); // date[]
        assertThat(names(in("status", Status.CLOSED, "in_progress"))).containsExactly("Gadget", "ROBOT"); // enum as text[]
        assertThat(makers.read(Query.all().filter(in("productCount", 2L)))).extracting(Maker::name)
                .containsExactly("fred"); // an aggregate's type: int8[]
        List<Object> many = new java.util.ArrayList<>();
        for (int i = 100; i < 1100; i++) {
            many.add(i);
        }
        many.add(5);
        assertThat(names(in("stock", many))).containsExactly("Robot"); // 1,001 values, one parameter
        assertThatThrownBy(() -> names(in("stock", 1, "lots"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Product").hasMessageContaining("stock");
    }

    @Test
    void aNullInAnInListMatchesNothingAsInSql() {
        java.util.List<Object> withNull = new java.util.ArrayList<>(java.util.Arrays.asList(5, null));
        assertThat(names(in("stock", withNull))).containsExactly("Robot"); // null = ANY(...) is unknown
        assertThat(names(not(in("stock", List.of(0))))).containsExactly("Gadget", "Robot"); // the null stock: unknown
        assertThat(names(not(in("stock", withNull)))).isEmpty(); // x <> null is unknown for every row, as NOT IN
        assertThat(names("stock in [5, nil]")).containsExactly("Robot");
    }

    @Test
    void arithmeticAndConcatenation() {
        assertThat(names(gt(multiply(attr("stock"), attr("price")), 50))).containsExactly("Gadget");
        assertThat(names(eq(add("stock", 1), 6))).containsExactly("Robot");
        assertThat(names(eq(divide("stock", 5), 2))).containsExactly("Gadget"); // integer division truncates
        assertThat(names(eq(subtract("stock", 2), 3))).containsExactly("Robot");
        assertThat(names(eq(concat(attr("name"), "-", attr("status")), "Robot-open"))).containsExactly("Robot");
        assertThat(names("name || '/' || status == 'Gadget/in_progress'")).containsExactly("Gadget");
        assertThat(names(isNil(concat(attr("name"), attr("status"))))).containsExactly("100%_sure!"); // null taints ||
    }

    @Test
    void ifAndCaseChooseTheFirstBranchThatHolds() {
        // a null stock makes the condition unknown, so ELSE applies
        assertThat(names(eq(ifThenElse(gt("stock", 0), "in stock", "sold out"), "sold out")))
                .containsExactly("100%_sure!", "ROBOT");
        Expr band = caseWhen(gt("stock", 10), "many").when(gt("stock", 0), "few");
        assertThat(names(eq(band, "few"))).containsExactly("Robot");
        assertThat(names(isNil(band))).containsExactly("100%_sure!", "ROBOT");
        assertThat(names("case(stock > 10, 'many', stock > 0, 'few', 'none') == 'none'")).containsExactly("100%_sure!", "ROBOT");
    }

    @Test
    void containsStartsWithAndEndsWithMatchLiterallyEvenWildcardsAndTheEscapeCharacter() {
        assertThat(names(contains("name", "obo"))).containsExactly("Robot");
        assertThat(names(contains("name", "%_"))).containsExactly("100%_sure!");
        assertThat(names(contains("name", "_"))).containsExactly("100%_sure!");
        assertThat(names(contains("name", "!"))).containsExactly("100%_sure!");
        assertThat(names(contains("name", "\\"))).isEmpty();
        assertThat(names(startsWith("name", "RO"))).containsExactly("ROBOT");
        assertThat(names(startsWith("name", "100%"))).containsExactly("100%_sure!");
        assertThat(names(endsWith("name", "ot"))).containsExactly("Robot");
        assertThat(names(endsWith("name", "%_sure!"))).containsExactly("100%_sure!");
        assertThat(names(contains("name", null))).isEmpty();
        assertThat(names(contains(attr("description"), attr("name")))).isEmpty();
        assertThat(names(contains(lower("description"), lower("name")))).containsExactly("Gadget", "ROBOT", "Robot");
    }

    @Test
    void stringFunctions() {
        assertThat(names(eq(lower("name"), "robot"))).containsExactly("ROBOT", "Robot");
        assertThat(names(eq(upper("name"), "GADGET"))).containsExactly("Gadget");
        assertThat(names(eq(length("name"), 6))).containsExactly("Gadget");
        assertThat(names(eq(trim("description"), "Kitchen gadget"))).containsExactly("Gadget");
        assertThat(names("length(trim(description)) == 14")).containsExactly("Gadget");
        assertThat(names(eq(coalesce(attr("stock"), 0), 0))).containsExactly("100%_sure!", "ROBOT");
    }

    @Test
    void fullTextSearchStemsWordsAndItsRankSorts() {
        assertThat(names(fullText("description", "robot"))).containsExactly("ROBOT", "Robot"); // robots → robot
        assertThat(names(fullText("description", "robot -industrial"))).containsExactly("Robot");
        assertThat(names("full_text(description, '\"sweeps the floor\"')")).containsExactly("Robot");
        assertThat(products.read(Query.all().filter(fullText("description", "robot or floor"))
                .sort(SortKey.desc(fullTextRank("description", "robot floor")), SortKey.asc("name"))))
                .extracting(Product::name).containsExactly("Robot", "ROBOT");
    }

    @Test
    void datesAndIntervals() {
        assertThat(names(gt("insertedAt", ago(1, HOUR)))).hasSize(4);
        assertThat(names(lt("insertedAt", ago(1, HOUR)))).isEmpty();
        assertThat(names(gt("releasedOn", today()))).containsExactly("Gadget");
        assertThat(names(lt("releasedOn", datetimeAdd(today(), -1, YEAR)))).containsExactly("100%_sure!", "Robot");
        assertThat(names(lt("releasedOn", fromNow(30, DAY)))).containsExactly("100%_sure!", "Gadget", "Robot");
        assertThat(names("releasedOn > today() or releasedOn < ago(4, :years)")).containsExactly("100%_sure!", "Gadget");
        assertThat(names(le("insertedAt", now()))).hasSize(4);
    }

    @Test
    void castsAndJsonPaths() {
        assertThat(names(eq(cast("stock", CastType.TEXT), "12"))).containsExactly("Gadget");
        assertThat(names(gt(cast(jsonText("specs", "size", "width"), CastType.INTEGER), 5))).containsExactly("Robot");
        assertThat(names(eq(jsonText("specs", "color"), "red"))).containsExactly("Robot");
        assertThat(names("specs['size']['width'] == '3'")).containsExactly("Gadget");
        assertThat(names(eq("specs", Map.of("color", "blue")))).containsExactly("ROBOT");
        assertThat(names(eq(json("specs", "size"), cast(value("{\"width\": 10}"), CastType.JSONB)))).containsExactly("Robot");
        assertThat(names(isNil(jsonText("specs", "color")))).containsExactly("100%_sure!", "Gadget");
    }

    @Test
    void fragmentsBindTheirArgumentsAndKeepDoubledQuestionMarksAsOperators() {
        assertThat(names(fragment("? = ANY(?)", "metal", attr("tags")))).containsExactly("Robot");
        assertThat(names(fragment("? ?? ?", attr("specs"), "color"))).containsExactly("ROBOT", "Robot");
        assertThat(names("fragment('lower(?) = ?', name, 'gadget')")).containsExactly("Gadget");
        assertThat(names(eq(fragment("coalesce(?, 'none')", attr("status")), "none"))).containsExactly("100%_sure!");
    }

    @Test
    void argumentsAreBoundAndConvertedLikeValues() {
        Query query = Query.all().filter("stock > ^arg(min) and name != ^arg(not)").sort("name");
        assertThat(products.read(query.argument("min", "4").argument("not", "Gadget"))).extracting(Product::name)
                .containsExactly("Robot");
        assertThat(products.read(query.arguments(Map.of("min", 100, "not", "x")))).isEmpty();
        assertThatThrownBy(() -> products.read(query.argument("min", 1))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("^arg(not)");
    }

    @Test
    void badQueriesNameTheField() {
        assertThatThrownBy(() -> products.read(Query.all().where("stock", "many"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Product.stock").hasMessageContaining("expected a number");
        assertThatThrownBy(() -> products.read(Query.all().filter("colour == 'red'")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Product.colour: is not an attribute");
        assertThatThrownBy(() -> products.read(Query.all().filter(eq(value(1), List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("list value");
    }
}
