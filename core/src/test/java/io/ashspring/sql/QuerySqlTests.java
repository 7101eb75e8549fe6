package io.ashspring.sql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlParameterValue;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.CastType;
import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Photo;
import io.ashspring.fixtures.Post;
import io.ashspring.fixtures.PostTag;
import io.ashspring.fixtures.Reaction;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.Tag;
import io.ashspring.fixtures.Ticket;
import io.ashspring.fixtures.query.Maker;
import io.ashspring.fixtures.query.MakerProfile;
import io.ashspring.fixtures.query.Product;
import io.ashspring.query.Lock;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;

import static io.ashspring.expr.DateUnit.DAY;
import static io.ashspring.expr.Expressions.ago;
import static io.ashspring.expr.Expressions.and;
import static io.ashspring.expr.Expressions.arg;
import static io.ashspring.expr.Expressions.attr;
import static io.ashspring.expr.Expressions.cast;
import static io.ashspring.expr.Expressions.concat;
import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.cosineDistance;
import static io.ashspring.expr.Expressions.endsWith;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.exists;
import static io.ashspring.expr.Expressions.fragment;
import static io.ashspring.expr.Expressions.fullText;
import static io.ashspring.expr.Expressions.fullTextRank;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.ifThenElse;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.in;
import static io.ashspring.expr.Expressions.isNil;
import static io.ashspring.expr.Expressions.jsonText;
import static io.ashspring.expr.Expressions.l2Distance;
import static io.ashspring.expr.Expressions.like;
import static io.ashspring.expr.Expressions.lower;
import static io.ashspring.expr.Expressions.multiply;
import static io.ashspring.expr.Expressions.ne;
import static io.ashspring.expr.Expressions.not;
import static io.ashspring.expr.Expressions.or;
import static io.ashspring.expr.Expressions.startsWith;
import static io.ashspring.expr.Expressions.trigramSimilarity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL each construct renders, exactly (docs/queries.md shows these). Values are always
 * placeholders; names are always quoted identifiers.
 */
class QuerySqlTests {

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Representative.class, Ticket.class, Comment.class,
            Post.class, Tag.class, PostTag.class, Photo.class, Reaction.class, Maker.class, MakerProfile.class, Product.class);
    static final SqlCompiler COMPILER = new SqlCompiler(REGISTRY::resource);
    static final String TICKET_COLUMNS = "t0.\"id\", t0.\"subject\", t0.\"status\", t0.\"priority\", "
            + "t0.\"representative_id\", t0.\"inserted_at\", t0.\"updated_at\"";

    static RenderedSql select(Class<?> type, Query query) {
        return COMPILER.select(REGISTRY.resource(type), query);
    }

    /** The text after WHERE of a ticket query with this filter. */
    static String where(Expr filter) {
        return where(Ticket.class, filter);
    }

    static String where(Class<?> type, Expr filter) {
        String sql = select(type, Query.all().filter(filter)).sql();
        return sql.substring(sql.indexOf(" WHERE ") + " WHERE ".length());
    }

    static List<Object> binds(Class<?> type, Expr filter) {
        return values(select(type, Query.all().filter(filter)));
    }

    static List<Object> values(RenderedSql sql) {
        return sql.binds().stream().map(b -> b instanceof SqlParameterValue v ? v.getValue() : b).toList();
    }

    @Test
    void comparisonsBindTheValueAsTheAttributesType() {
        assertThat(where(eq("status", Status.IN_PROGRESS))).isEqualTo("t0.\"status\" = ?");
        assertThat(binds(Ticket.class, eq("status", Status.IN_PROGRESS))).containsExactly("in_progress");
        assertThat(binds(Ticket.class, gt("priority", "3"))).containsExactly(3);
        assertThat(where(eq("representative", null))).isEqualTo("t0.\"representative_id\" IS NULL");
        assertThat(where(ne("representativeId", null))).isEqualTo("t0.\"representative_id\" IS NOT NULL");
    }

    @Test
    void logicNestsInParentheses() {
        assertThat(where(and(eq("status", "open"), or(gt("priority", 3), not(like("subject", "%x%"))))))
                .isEqualTo("(t0.\"status\" = ? AND (t0.\"priority\" > ? OR NOT (t0.\"subject\" LIKE ?)))");
        assertThat(where(isNil("representative"))).isEqualTo("t0.\"representative_id\" IS NULL");
        assertThat(where(not(isNil("representative")))).isEqualTo("NOT (t0.\"representative_id\" IS NULL)");
    }

    @Test
    void inListsOfAnAttributeBindOneArrayAndAnEmptyListMatchesNothing() {
        assertThat(where(in("status", Status.OPEN, Status.CLOSED))).isEqualTo("t0.\"status\" = ANY(?)");
        List<Object> thousand = java.util.stream.IntStream.range(0, 1000).<Object>mapToObj(i -> i).toList();
        RenderedSql many = select(Ticket.class, Query.all().filter(in("priority", thousand)));
        assertThat(many.sql()).endsWith("WHERE t0.\"priority\" = ANY(?)");
        assertThat(many.binds()).hasSize(1);
        // one shape whatever the length
        assertThat(select(Ticket.class, Query.all().filter(in("priority", 1, 2))).sql()).isEqualTo(many.sql());
        // without a column type, one placeholder per value
        assertThat(where(in(lower("subject"), List.of("a", "b")))).isEqualTo("lower(t0.\"subject\") IN (?, ?)");
        assertThat(binds(Ticket.class, in(lower("subject"), List.of("a", "b")))).containsExactly("a", "b");
        assertThat(where(in("status", List.of()))).isEqualTo("FALSE");
        // each element is converted to the attribute's type first
        assertThatThrownBy(() -> where(in("priority", 1, "many"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Ticket").hasMessageContaining("priority");
    }

    @Test
    void arithmeticConcatenationAndCase() {
        assertThat(where(gt(multiply(attr("priority"), 2), 5))).isEqualTo("(t0.\"priority\" * ?) > ?");
        assertThat(where(eq(concat(attr("subject"), " / ", attr("status")), "a / open")))
                .isEqualTo("(t0.\"subject\" || ? || t0.\"status\") = ?");
        assertThat(where(eq(ifThenElse(gt("priority", 5), "high", "low"), "high")))
                .isEqualTo("CASE WHEN t0.\"priority\" > ? THEN ? ELSE ? END = ?");
    }

    @Test
    void literalMatchesEscapeWildcardsAndTheEscapeCharacter() {
        assertThat(where(contains("subject", "100%_sure!"))).isEqualTo("t0.\"subject\" LIKE ? ESCAPE '!'");
        assertThat(binds(Ticket.class, contains("subject", "100%_sure!"))).containsExactly("%100!%!_sure!!%");
        assertThat(binds(Ticket.class, startsWith("subject", "a_"))).containsExactly("a!_%");
        assertThat(binds(Ticket.class, endsWith("subject", "%"))).containsExactly("%!%");
        assertThat(where(contains(attr("subject"), attr("status")))).isEqualTo("strpos(t0.\"subject\", t0.\"status\") > 0");
        assertThat(where(ilike("subject", "%printer%"))).isEqualTo("t0.\"subject\" ILIKE ?");
        assertThat(where(eq(lower("subject"), "x"))).isEqualTo("lower(t0.\"subject\") = ?");
    }

    @Test
    void trigramSimilarityAndVectorsNoteTheExtensionTheyNeed() {
        RenderedSql trigram = select(Maker.class, Query.all().filter(gt(trigramSimilarity("name", "fred"), 0.8)));
        assertThat(trigram.sql()).endsWith("WHERE similarity(t0.\"name\", ?) > ?");
        assertThat(trigram.extensions()).containsExactly("pg_trgm");
        assertThat(trigram.features()).containsExactly("trigram_similarity");
        RenderedSql vector = select(Product.class, Query.all().sort(SortKey.asc(cosineDistance("description",
                new float[] {1, 2, 3}))).limit(5));
        assertThat(vector.sql()).contains("ORDER BY (t0.\"description\" <=> CAST(? AS vector)) ASC LIMIT ?");
        assertThat(values(vector)).containsExactly("[1.0,2.0,3.0]", 5);
        assertThat(vector.extensions()).containsExactly("vector");
        assertThat(where(Product.class, gt(l2Distance("description", List.of(1, 2.5)), 1)))
                .isEqualTo("(t0.\"description\" <-> CAST(? AS vector)) > ?");
    }

    @Test
    void fullTextSearchAndRank() {
        assertThat(where(Comment.class, fullText("body", "refund -paper")))
                .isEqualTo("to_tsvector('english'::regconfig, t0.\"body\") @@ websearch_to_tsquery('english'::regconfig, ?)");
        assertThat(select(Comment.class, Query.all().sort(SortKey.desc(fullTextRank("body", "refund")))).sql())
                .endsWith("ORDER BY ts_rank(to_tsvector('english'::regconfig, t0.\"body\"), "
                        + "websearch_to_tsquery('english'::regconfig, ?)) DESC");
        assertThatThrownBy(() -> where(Comment.class, fullText(attr("body"), "x", "english'; --")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Text search configuration");
    }

    @Test
    void datesCastsJsonAndFragments() {
        assertThat(where(gt("insertedAt", ago(3, DAY)))).isEqualTo("t0.\"inserted_at\" > (now() - (? * INTERVAL '1 day'))");
        assertThat(where(eq(cast("priority", CastType.TEXT), "3"))).isEqualTo("CAST(t0.\"priority\" AS text) = ?");
        assertThat(where(Product.class, eq(jsonText("specs", "size", 0), "10")))
                .isEqualTo("(t0.\"specs\" -> ? ->> ?) = ?");
        assertThat(binds(Product.class, eq(jsonText("specs", "size", 0), "10"))).containsExactly("size", 0, "10");
        assertThat(where(fragment("date_part('dow', ?) = ?", attr("insertedAt"), 1)))
                .isEqualTo("(date_part('dow', t0.\"inserted_at\") = ?)");
        assertThat(select(Ticket.class, Query.all().filter(gt("priority", arg("min"))).argument("min", "4")).sql())
                .endsWith("WHERE t0.\"priority\" > ?");
        assertThat(values(select(Ticket.class, Query.all().filter(gt("priority", arg("min"))).argument("min", "4"))))
                .containsExactly(4);
    }

    @Test
    void toOneRelationshipPathsAreLeftJoinedOnce() {
        RenderedSql sql = select(Ticket.class, Query.all().filter(ilike("representative.name", "%ann%"))
                .sort("representative.name", "-priority"));
        assertThat(sql.sql()).isEqualTo("SELECT " + TICKET_COLUMNS + " FROM \"public\".\"tickets\" t0"
                + " LEFT JOIN \"public\".\"representatives\" t1 ON t1.\"id\" = t0.\"representative_id\""
                + " WHERE t1.\"name\" ILIKE ? ORDER BY t1.\"name\" ASC, t0.\"priority\" DESC");
        assertThat(where(Maker.class, eq("profile.bio", "x"))).isEqualTo("t1.\"bio\" = ?");
        assertThat(select(Maker.class, Query.all().filter(eq("profile.bio", "x"))).sql())
                .contains(" LEFT JOIN \"public\".\"maker_profiles\" t1 ON t1.\"maker_id\" = t0.\"id\"");
    }

    @Test
    void parentRendersOnTheRowTheRelationshipStartsFromAndIsAnErrorElsewhere() {
        assertThat(where(exists("comments", eq("body", io.ashspring.expr.Expressions.parent("subject")))))
                .isEqualTo("EXISTS (SELECT 1 FROM \"public\".\"comments\" t1 WHERE t1.\"ticket_id\" = t0.\"id\" "
                        + "AND t1.\"body\" = t0.\"subject\")");
        // a value compared with parent(x) takes x's type
        assertThat(binds(Comment.class, exists("ticket", eq(io.ashspring.expr.Expressions.parent("ticket.priority"), "3"))))
                .containsExactly(3);
        assertThatThrownBy(() -> where(eq("priority", io.ashspring.expr.Expressions.parent("priority"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Ticket")
                .hasMessageContaining("parent(priority)").hasMessageContaining("exists(relationship");
    }

    @Test
    void unionIntersectAndExceptCombineTheSidesPrimaryKeys() {
        Query urgent = Query.all().filter(gt("priority", 7)).sort("-priority").limit(5);
        Query closed = Query.all().filter(eq("status", Status.CLOSED));
        assertThat(select(Ticket.class, urgent.union(closed).sort("subject")).sql()).isEqualTo("SELECT " + TICKET_COLUMNS
                + " FROM \"public\".\"tickets\" t0 WHERE t0.\"id\" IN ((SELECT t0.\"id\" FROM \"public\".\"tickets\" t0 "
                + "WHERE t0.\"priority\" > ? ORDER BY t0.\"priority\" DESC LIMIT ?) UNION (SELECT t0.\"id\" FROM "
                + "\"public\".\"tickets\" t0 WHERE t0.\"status\" = ?)) ORDER BY t0.\"subject\" ASC");
        assertThat(values(select(Ticket.class, urgent.union(closed).filter(gt("priority", 1)))))
                .containsExactly(7, 5, "closed", 1);
        assertThat(select(Ticket.class, urgent.intersect(closed)).sql()).contains(") INTERSECT (");
        assertThat(COMPILER.count(REGISTRY.resource(Ticket.class), urgent.except(closed)).sql()).startsWith(
                "SELECT count(*) FROM \"public\".\"tickets\" t0 WHERE t0.\"id\" IN ((SELECT t0.\"id\" ");
    }

    @Test
    void toManyRelationshipsAreReachedWithExistsNeverAJoin() {
        assertThat(where(exists("comments", ilike("body", "%refund%")))).isEqualTo("EXISTS (SELECT 1 FROM "
                + "\"public\".\"comments\" t1 WHERE t1.\"ticket_id\" = t0.\"id\" AND t1.\"body\" ILIKE ?)");
        assertThat(where(Post.class, exists("tags", eq("name", "java")))).isEqualTo("EXISTS (SELECT 1 FROM "
                + "\"public\".\"post_tags\" t1 JOIN \"public\".\"tags\" t2 ON t2.\"id\" = t1.\"tag_id\" "
                + "WHERE t1.\"post_id\" = t0.\"id\" AND t2.\"name\" = ?)");
        assertThat(where(Representative.class, exists("tickets.comments"))).isEqualTo("EXISTS (SELECT 1 FROM "
                + "\"public\".\"tickets\" t1 WHERE t1.\"representative_id\" = t0.\"id\" AND EXISTS (SELECT 1 FROM "
                + "\"public\".\"comments\" t2 WHERE t2.\"ticket_id\" = t1.\"id\"))");
        assertThat(where(Comment.class, exists("ticket", eq("representative.name", "Ann")))).isEqualTo("EXISTS (SELECT 1 "
                + "FROM \"public\".\"tickets\" t1 LEFT JOIN \"public\".\"representatives\" t2 ON t2.\"id\" = "
                + "t1.\"representative_id\" WHERE t1.\"id\" = t0.\"ticket_id\" AND t2.\"name\" = ?)");
        assertThat(where(Post.class, exists("reactions", eq("emoji", "+1")))).isEqualTo("EXISTS (SELECT 1 FROM "
                + "\"public\".\"post_reactions\" t1 WHERE t1.\"subject_id\" = t0.\"id\" AND t1.\"emoji\" = ?)");
    }

    @Test
    void followingAToManyRelationshipOutsideExistsIsRejectedSayingWhatToWrite() {
        assertThatThrownBy(() -> where(eq("comments.body", "x"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Ticket.comments.body").hasMessageContaining("use exists(comments, ...)");
        assertThatThrownBy(() -> where(eq("requester.name", "x"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("'requester' is not a relationship of Ticket (relationships: representative, comments)");
        assertThatThrownBy(() -> where(eq("representative.nope", "x"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Ticket.representative.nope: is not an attribute of Representative");
    }

    @Test
    void selectReadsNullForUnselectedAttributesAndAlwaysTheKey() {
        assertThat(select(Ticket.class, Query.all().select("subject")).sql()).startsWith(
                "SELECT t0.\"id\", t0.\"subject\", NULL, NULL, NULL, NULL, NULL FROM");
        assertThat(select(Ticket.class, Query.all().deselect("updatedAt", "subject")).sql()).startsWith(
                "SELECT t0.\"id\", NULL, t0.\"status\", t0.\"priority\", t0.\"representative_id\", t0.\"inserted_at\", NULL FROM");
        assertThatThrownBy(() -> select(Ticket.class, Query.all().deselect("id"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("primary key");
    }

    @Test
    void distinctOnPutsItsAttributesFirstInTheSort() {
        assertThat(select(Ticket.class, Query.all().distinct("status").sort("-priority")).sql()).isEqualTo(
                "SELECT DISTINCT ON (t0.\"status\") " + TICKET_COLUMNS + " FROM \"public\".\"tickets\" t0"
                        + " ORDER BY t0.\"status\" ASC, t0.\"priority\" DESC");
        assertThat(select(Ticket.class, Query.all().distinct("status").sort("-status")).sql())
                .endsWith(" ORDER BY t0.\"status\" DESC");
        assertThat(COMPILER.count(REGISTRY.resource(Ticket.class), Query.all().distinct("status")).sql()).isEqualTo(
                "SELECT count(*) FROM (SELECT DISTINCT ON (t0.\"status\") 1 FROM \"public\".\"tickets\" t0) d");
    }

    @Test
    void locksLockOnlyTheQueriedTable() {
        assertThat(select(Ticket.class, Query.all().filter(eq("representative.name", "Ann")).lock(Lock.forUpdate().nowait()))
                .sql()).endsWith("WHERE t1.\"name\" = ? FOR UPDATE OF t0 NOWAIT");
        assertThat(select(Ticket.class, Query.all().limit(1).lock(Lock.forNoKeyUpdate().skipLocked())).sql())
                .endsWith("LIMIT ? FOR NO KEY UPDATE OF t0 SKIP LOCKED");
        assertThat(select(Ticket.class, Query.all().lock(Lock.forShare())).sql()).endsWith("t0 FOR SHARE OF t0");
        assertThat(select(Ticket.class, Query.all().lock(Lock.forKeyShare().nowait())).sql()).endsWith("FOR KEY SHARE OF t0 NOWAIT");
        assertThatThrownBy(() -> select(Ticket.class, Query.all().distinct("status").lock(Lock.forUpdate())))
                .hasMessageContaining("distinct");
    }

    @Test
    void keysetWindowsAddThePrimaryKeyAndSelectTheSortKeys() {
        ScrollStatement first = COMPILER.scroll(REGISTRY.resource(Ticket.class), Query.all().sort("-priority"), Map.of(),
                false, 3);
        assertThat(first.statement().sql()).isEqualTo("SELECT " + TICKET_COLUMNS + ", t0.\"priority\", t0.\"id\""
                + " FROM \"public\".\"tickets\" t0 ORDER BY t0.\"priority\" DESC, t0.\"id\" ASC LIMIT ?");
        assertThat(first.keyNames()).containsExactly("priority", "id");
        assertThat(first.firstKeyColumn()).isEqualTo(8);
        ScrollStatement next = COMPILER.scroll(REGISTRY.resource(Ticket.class), Query.all().sort("-priority"),
                Map.of("priority", 3, "id", "7f0c0d7e-36d6-4c8f-9d5b-0c0f5d1e2a3b"), false, 3);
        // descending puts nulls first, so after a non-null priority come only smaller ones
        assertThat(next.statement().sql()).contains(" WHERE (t0.\"priority\" < ? OR (t0.\"priority\" = ? AND t0.\"id\" > ?))"
                + " ORDER BY t0.\"priority\" DESC, t0.\"id\" ASC LIMIT ?");
        ScrollStatement back = COMPILER.scroll(REGISTRY.resource(Ticket.class), Query.all().sort("-priority"),
                Map.of("priority", 3, "id", "7f0c0d7e-36d6-4c8f-9d5b-0c0f5d1e2a3b"), true, 3);
        assertThat(back.statement().sql()).contains(" WHERE ((t0.\"priority\" > ? OR t0.\"priority\" IS NULL) OR "
                + "(t0.\"priority\" = ? AND t0.\"id\" < ?)) ORDER BY t0.\"priority\" ASC, t0.\"id\" DESC LIMIT ?");
        assertThatThrownBy(() -> COMPILER.scroll(REGISTRY.resource(Ticket.class), Query.all(), Map.of("priority", 1),
                false, 3)).isInstanceOf(InvalidQueryException.class).hasMessageContaining("does not match the sort");
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThatThrownBy(() -> where(gt("priority", arg("min")))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("^arg(min)").hasMessageContaining("was not given");
    }
}
