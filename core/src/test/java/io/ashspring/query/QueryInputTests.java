package io.ashspring.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.Ticket;
import io.ashspring.fixtures.query.Maker;
import io.ashspring.fixtures.query.MakerProfile;
import io.ashspring.fixtures.query.Product;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.ResourceModel;

import static io.ashspring.expr.Expressions.and;
import static io.ashspring.expr.Expressions.attr;
import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.exists;
import static io.ashspring.expr.Expressions.ge;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.in;
import static io.ashspring.expr.Expressions.isNil;
import static io.ashspring.expr.Expressions.lt;
import static io.ashspring.expr.Expressions.ne;
import static io.ashspring.expr.Expressions.not;
import static io.ashspring.expr.Expressions.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * HTTP filter and sort input becomes the same nodes as the builder, with values converted to the
 * attributes' types; anything outside the public model is an {@link InvalidQueryException}
 * naming the field or operator (a 400 in the starter).
 */
class QueryInputTests {

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Representative.class, Ticket.class, Comment.class,
            Maker.class, MakerProfile.class, Product.class);
    static final QueryInput INPUT = new QueryInput(REGISTRY);
    static final ResourceModel TICKET = REGISTRY.resource(Ticket.class);
    static final ResourceModel PRODUCT = REGISTRY.resource(Product.class);

    private static Query apply(ResourceModel resource, Map<String, ?> parameters) {
        return INPUT.apply(Query.all(), resource, parameters);
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    private static InvalidQueryException rejected(ResourceModel resource, Map<String, ?> parameters) {
        return catchThrowableOfType(InvalidQueryException.class, () -> apply(resource, parameters));
    }

    @Test
    void theIssueExampleBecomesTypedNodesAndASort() {
        Query query = apply(TICKET, params("filter[status]", "open", "filter[priority][gt]", "3", "sort", "-insertedAt",
                "page", "2"));
        assertThat(query.filter()).isEqualTo(and(eq("status", Status.OPEN), gt("priority", 3)));
        assertThat(query.sort()).containsExactly(SortKey.desc("insertedAt"));
    }

    @Test
    void multiValueAndServletParameterMapsAreAccepted() {
        Map<String, List<String>> multi = Map.of("filter[status][in]", List.of("open", "closed"),
                "sort", List.of("-priority", "subject"));
        Query query = apply(TICKET, multi);
        assertThat(query.filter()).isEqualTo(in("status", Status.OPEN, Status.CLOSED));
        assertThat(query.sort()).containsExactly(SortKey.desc("priority"), SortKey.asc("subject"));
        Map<String, String[]> servlet = Map.of("filter[status][in]", new String[] {"open,in_progress"},
                "sort", new String[] {"++priority,--subject"});
        Query fromServlet = apply(TICKET, servlet);
        assertThat(fromServlet.filter()).isEqualTo(in("status", Status.OPEN, Status.IN_PROGRESS));
        assertThat(fromServlet.sort()).containsExactly(SortKey.asc("priority").nullsFirst(), SortKey.desc("subject").nullsLast());
    }

    @Test
    void everyOperator() {
        assertThat(filter(TICKET, "priority", Map.of("eq", "1"))).isEqualTo(eq("priority", 1));
        assertThat(filter(TICKET, "priority", Map.of("not_eq", "1"))).isEqualTo(ne("priority", 1));
        assertThat(filter(TICKET, "priority", Map.of("gte", "1"))).isEqualTo(ge("priority", 1));
        assertThat(filter(TICKET, "priority", Map.of("lt", 1))).isEqualTo(lt("priority", 1));
        assertThat(filter(TICKET, "priority", Map.of("not_in", "1,2"))).isEqualTo(not(in("priority", 1, 2)));
        assertThat(filter(TICKET, "representative", Map.of("is_nil", "true"))).isEqualTo(isNil("representativeId"));
        assertThat(filter(TICKET, "representative", Map.of("is_nil", false))).isEqualTo(not(isNil("representativeId")));
        assertThat(filter(TICKET, "subject", Map.of("contains", "50%"))).isEqualTo(contains("subject", "50%"));
        assertThat(filter(TICKET, "subject", Map.of("ilike", "%print%"))).isEqualTo(ilike("subject", "%print%"));
        Expr twoOperators = filter(TICKET, "priority", params("gt", "1", "lt", "5"));
        assertThat(twoOperators).isEqualTo(and(gt("priority", 1), lt("priority", 5)));
    }

    private static Expr filter(ResourceModel resource, String field, Object value) {
        return INPUT.filter(resource, Map.of(field, value));
    }

    @Test
    void relationshipsAreFollowedToOneByPathAndToManyByExists() {
        assertThat(apply(TICKET, params("filter[representative][name][ilike]", "%ann%")).filter())
                .isEqualTo(ilike("representative.name", "%ann%"));
        assertThat(apply(TICKET, params("filter[representative.name]", "Ann")).filter()).isEqualTo(eq("representative.name", "Ann"));
        assertThat(apply(TICKET, params("filter[comments][body][contains]", "refund")).filter())
                .isEqualTo(exists("comments", contains("body", "refund")));
        UUID id = UUID.randomUUID();
        assertThat(apply(TICKET, params("filter[representative]", id.toString())).filter()).isEqualTo(eq("representativeId", id));
        assertThat(apply(TICKET, params("filter[representative][eq]", id.toString())).filter())
                .isEqualTo(eq("representativeId", id));
        assertThat(INPUT.sort(TICKET, "representative.name,-priority"))
                .containsExactly(SortKey.asc("representative.name"), SortKey.desc("priority"));
    }

    @Test
    void orAndNotNestByIndexInQueryStringsAndByListsInJson() {
        Query query = apply(TICKET, params("filter[or][1][priority][gte]", "8", "filter[or][0][status]", "open",
                "filter[not][status]", "closed"));
        assertThat(query.filter()).isEqualTo(and(or(eq("status", Status.OPEN), ge("priority", 8)),
                not(eq("status", Status.CLOSED))));
        Map<String, Object> json = Map.of("or", List.of(Map.of("status", "open"), Map.of("priority", Map.of("gt", 3))));
        assertThat(INPUT.filter(TICKET, json)).isEqualTo(or(eq("status", Status.OPEN), gt("priority", 3)));
        Map<String, Object> jsonNull = new LinkedHashMap<>();
        jsonNull.put("representative", null);
        assertThat(INPUT.filter(TICKET, jsonNull)).isEqualTo(eq("representativeId", null));
    }

    @Test
    void unknownAndPrivateFieldsAreRejectedAlikeNamingTheField() {
        InvalidQueryException unknown = rejected(PRODUCT, params("filter[colour]", "red"));
        InvalidQueryException hidden = rejected(PRODUCT, params("filter[sku]", "SKU-1"));
        assertThat(unknown.field()).isEqualTo("colour");
        assertThat(hidden.field()).isEqualTo("sku");
        assertThat(hidden.getMessage()).isEqualTo("Product.sku: is not a field that can be filtered on (fields: id, name, "
                + "status, stock, price, rating, releasedOn, specs, tags, description, makerId, insertedAt, maker)");
        assertThat(unknown.getMessage().replace("colour", "sku")).isEqualTo(hidden.getMessage());
        assertThat(rejected(PRODUCT, params("filter[maker][products][sku]", "x")).field()).isEqualTo("maker.products.sku");
        assertThat(rejected(PRODUCT, params("sort", "-sku")).getMessage()).contains("Product.sku: cannot be sorted on");
        assertThat(rejected(TICKET, params("sort", "comments.body")).field()).isEqualTo("comments.body");
    }

    @Test
    void badOperatorsAndValuesAreRejectedNamingThem() {
        assertThat(rejected(TICKET, params("filter[priority][gtx]", "3")).getMessage())
                .startsWith("Ticket.priority: has no operator 'gtx' (operators: eq, not_eq");
        assertThat(rejected(TICKET, params("filter[priority][contains]", "3")).getMessage())
                .contains("contains applies to text attributes only");
        assertThat(rejected(TICKET, params("filter[priority]", "high")).getMessage())
                .isEqualTo("Ticket.priority: cannot be compared with high: expected a number");
        assertThat(rejected(TICKET, params("filter[status]", "urgent")).getMessage())
                .contains("expected one of [open, closed, in_progress]");
        assertThat(rejected(TICKET, params("filter[representative][is_nil]", "maybe")).getMessage())
                .contains("is_nil takes true or false");
        assertThat(rejected(TICKET, params("filter[priority][gt]", List.of("1", "2"))).getMessage())
                .contains("gt takes one value");
        assertThat(rejected(TICKET, params("filter[priority]", Map.of())).getMessage()).contains("needs an operator");
    }

    @Test
    void malformedOrConflictingParametersAreRejectedNamingTheParameter() {
        for (String key : List.of("filter", "filter[status", "filter[]", "filter[a]x", "filter[a[b]]")) {
            assertThat(rejected(TICKET, params(key, "x")).field()).as(key).isEqualTo(key);
        }
        assertThat(rejected(TICKET, params("filter[status]", "open", "filter[status][eq]", "closed")).getMessage())
                .contains("conflicts with another filter parameter");
        assertThat(rejected(TICKET, params("filter[or][x][status]", "open")).getMessage()).contains("takes a list of filters");
        for (String sort : List.of("-", "--", "priority..x", ".", "representative.")) {
            assertThat(rejected(TICKET, params("sort", sort))).as(sort).isNotNull();
        }
        assertThat(rejected(TICKET, params("filter[representative.]", "x")).field()).isEqualTo("representative.");
    }

    @Test
    void depthAndSizeAreLimited() {
        StringBuilder deep = new StringBuilder("filter");
        for (int i = 0; i < 10; i++) {
            deep.append("[not]");
        }
        assertThat(rejected(TICKET, params(deep.append("[status]").toString(), "open")).getMessage())
                .contains("nested too deeply");
        assertThat(rejected(TICKET, params("filter[priority][in]", "1,".repeat(300) + "1")).getMessage())
                .contains("more than 200 conditions");
    }
}
