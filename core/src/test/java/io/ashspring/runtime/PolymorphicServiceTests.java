package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.query.Query;
import io.ashspring.resource.Aggregate;
import io.ashspring.resource.AggregateKind;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.Count;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static io.ashspring.expr.Expressions.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A polymorphic resource's service bound to one of its tables ({@code inTable}) does everything a
 * service does, on that table only; constraint violations, named per table, become field errors.
 */
@PostgresTest
class PolymorphicServiceTests {

    @Resource(table = "articles")
    record Article(
            @PrimaryKey UUID id,
            @Attribute(allowNil = false) String title,
            @HasMany(table = "article_stamps", destinationAttribute = "subjectId") List<Stamp> stamps,
            @Count("stamps") Long stampCount) {
    }

    @Resource(table = "pictures")
    record Picture(
            @PrimaryKey UUID id,
            String url,
            @HasMany(table = "picture_stamps", destinationAttribute = "subjectId") List<Stamp> stamps) {
    }

    @Resource(table = "readers")
    record Reader(@PrimaryKey UUID id, @Attribute(allowNil = false) String name) {
    }

    /** Stored in article_stamps and picture_stamps; its identity's index and its key to readers are named per table. */
    @Resource(polymorphic = true)
    @Identity(name = "one_per_reader", keys = {"subjectId", "emoji", "readerId"}, message = "was already given by this reader")
    @CheckConstraint(name = "stamp_weight_positive", check = "weight > 0", fields = "weight", message = "must be positive")
    record Stamp(
            @PrimaryKey UUID id,
            @Attribute(allowNil = false) UUID subjectId,
            @Attribute(allowNil = false) String emoji,
            Integer weight,
            @BelongsTo Ref<Reader, UUID> reader,
            @Aggregate(kind = AggregateKind.FIRST, relationship = "reader", field = "name") String readerName) {
    }

    static AshRuntime ash;
    static JdbcClient jdbc;
    static ResourceService<Article> articles;
    static ResourceService<Picture> pictures;
    static ResourceService<Stamp> stamps;
    static ResourceService<Stamp> articleStamps;
    static ResourceService<Stamp> pictureStamps;
    static Reader ann;
    static Reader bob;
    Article article;
    Picture picture;

    @BeforeAll
    static void schema(TestDatabase database) {
        ash = Databases.runtime(database, ResourceRegistry.of(Article.class, Picture.class, Reader.class, Stamp.class));
        jdbc = JdbcClient.create(database.dataSource());
        articles = ash.service(Article.class);
        pictures = ash.service(Picture.class);
        stamps = ash.service(Stamp.class);
        articleStamps = stamps.inTable("article_stamps");
        pictureStamps = stamps.inTable("picture_stamps");
        ann = ash.service(Reader.class).create(Map.of("name", "Ann"));
        bob = ash.service(Reader.class).create(Map.of("name", "Bob"));
    }

    @BeforeEach
    void owners() {
        jdbc.sql("DELETE FROM article_stamps").update();
        jdbc.sql("DELETE FROM picture_stamps").update();
        article = articles.create(Map.of("title", "Hello"));
        picture = pictures.create(Map.of("url", "https://example.org/cat.png"));
    }

    private static long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void theServiceOfAPolymorphicResourceRefusesToGuessItsTableAndNamesInTableAndTheTables() {
        assertThatThrownBy(() -> stamps.create(Map.of("subjectId", article.id(), "emoji", "+1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stamp is polymorphic").hasMessageContaining("inTable(\"article_stamps\")")
                .hasMessageContaining("article_stamps, picture_stamps");
        assertThatThrownBy(stamps::readAll).isInstanceOf(IllegalStateException.class).hasMessageContaining("inTable");
        assertThatThrownBy(() -> stamps.count(Query.all())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stamps.stream(Query.all())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stamps.destroy(UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTableNoRelationshipNamesIsRejectedListingTheValidOnes() {
        assertThatThrownBy(() -> stamps.inTable("stamps; DROP TABLE readers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stamp is not stored in a table named stamps; DROP TABLE readers")
                .hasMessageContaining("article_stamps, picture_stamps");
        assertThatThrownBy(() -> articles.inTable("articles"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Article is not polymorphic");
        assertThat(rows("readers")).isEqualTo(2);
    }

    @Test
    void aBoundServiceIsOnePerTableAndWorksOnItsResourceBoundToThatTable() {
        assertThat(stamps.inTable("article_stamps")).isSameAs(articleStamps);
        assertThat(articleStamps.inTable("picture_stamps")).isSameAs(pictureStamps);
        assertThat(articleStamps.resource().table()).isEqualTo("article_stamps");
        assertThat(articleStamps.resource().identities().get(0).indexName()).isEqualTo("article_stamps_one_per_reader_index");
        assertThat(stamps.resource().table()).isNull();
    }

    @Test
    void createGetUpdateAndDestroyWorkOnTheBoundTableOnly() {
        Stamp stamp = articleStamps.create(Map.of("subjectId", article.id(), "emoji", "+1", "reader", ann.id()));
        assertThat(rows("article_stamps")).isEqualTo(1);
        assertThat(rows("picture_stamps")).isZero();
        assertThat(articleStamps.get(stamp.id()).emoji()).isEqualTo("+1");
        assertThat(pictureStamps.find(stamp.id())).isEmpty();
        assertThat(articles.get(article.id(), Query.all().load("stamps")).stamps()).extracting(Stamp::id)
                .containsExactly(stamp.id());

        assertThat(articleStamps.update(stamp.id(), Map.of("emoji", "heart")).emoji()).isEqualTo("heart");
        assertThatThrownBy(() -> pictureStamps.update(stamp.id(), Map.of("emoji", "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pictureStamps.destroy(stamp.id())).isInstanceOf(NotFoundException.class);
        articleStamps.destroyRecord(articleStamps.get(stamp.id()));
        assertThat(rows("article_stamps")).isZero();
    }

    @Test
    void readsFilterSortLoadAggregateCountPageScrollAndStreamTheBoundTable() {
        articleStamps.create(Map.of("subjectId", article.id(), "emoji", "+1", "reader", bob.id()));
        articleStamps.create(Map.of("subjectId", article.id(), "emoji", "+1", "reader", ann.id()));
        articleStamps.create(Map.of("subjectId", article.id(), "emoji", "heart", "reader", ann.id()));
        pictureStamps.create(Map.of("subjectId", picture.id(), "emoji", "+1", "reader", ann.id()));

        List<Stamp> plusOnes = articleStamps.read(q -> q.filter(eq("emoji", "+1")).sort("readerName")
                .load("reader", "readerName"));
        assertThat(plusOnes).extracting(Stamp::readerName).containsExactly("Ann", "Bob");
        assertThat(plusOnes).extracting(s -> s.reader().get().name()).containsExactly("Ann", "Bob");
        assertThat(articleStamps.read(q -> q.filter(eq("reader.name", "Ann")))).hasSize(2);
        assertThat(articleStamps.count(Query.all())).isEqualTo(3);
        assertThat(pictureStamps.count(Query.all())).isEqualTo(1);

        Page<Stamp> page = articleStamps.page(Query.all().sort("emoji"), PageRequest.of(0, 2));
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent()).extracting(Stamp::emoji).containsExactly("+1", "+1");

        List<String> scrolled = new ArrayList<>();
        Query byReader = Query.all().sort("-readerName", "emoji").limit(2);
        ScrollPosition position = ScrollPosition.keyset();
        Window<Stamp> window;
        do {
            window = articleStamps.scroll(byReader, position);
            window.forEach(s -> scrolled.add(s.emoji()));
            position = window.isEmpty() ? position : window.positionAt(window.size() - 1);
        } while (window.hasNext());
        assertThat(scrolled).containsExactly("+1", "+1", "heart");

        try (Stream<Stamp> all = articleStamps.stream(Query.all().sort("emoji"), 1)) {
            assertThat(all.map(Stamp::emoji)).containsExactly("+1", "+1", "heart");
        }
        assertThat(articles.get(article.id(), Query.all().load("stampCount")).stampCount()).isEqualTo(3);
    }

    @Test
    void aMissingOwnerIsAFieldErrorOnTheSubject() {
        InvalidException invalid = catchThrowableOfType(InvalidException.class,
                () -> articleStamps.create(Map.of("subjectId", picture.id(), "emoji", "+1")));
        assertThat(invalid.errors()).containsExactly(new FieldError("subjectId", "does not exist", "not_found"));
        assertThat(invalid.getMessage()).contains("Stamp");
        assertThat(rows("article_stamps")).isZero();
    }

    @Test
    void anIdentityIsCheckedPerTableUnderItsPerTableIndexName() {
        articleStamps.create(Map.of("subjectId", article.id(), "emoji", "+1", "reader", ann.id()));
        InvalidException invalid = catchThrowableOfType(InvalidException.class,
                () -> articleStamps.create(Map.of("subjectId", article.id(), "emoji", "+1", "reader", ann.id())));
        assertThat(invalid.errors()).containsExactly(
                new FieldError("subjectId", "was already given by this reader", "unique"));
        pictureStamps.create(Map.of("subjectId", picture.id(), "emoji", "+1", "reader", ann.id()));
        assertThat(rows("picture_stamps")).isEqualTo(1);
    }

    @Test
    void theBelongsToKeyTheCheckAndTheRequiredAttributesOfTheBoundTableAreFieldErrors() {
        assertThat(catchThrowableOfType(InvalidException.class, () -> pictureStamps.create(
                Map.of("subjectId", picture.id(), "emoji", "+1", "reader", UUID.randomUUID()))).errors())
                .containsExactly(new FieldError("readerId", "does not exist", "not_found"));
        assertThat(catchThrowableOfType(InvalidException.class, () -> pictureStamps.create(
                Map.of("subjectId", picture.id(), "emoji", "+1", "weight", 0))).errors())
                .containsExactly(new FieldError("weight", "must be positive", "check"));
        Stamp stamp = pictureStamps.create(Map.of("subjectId", picture.id(), "emoji", "+1"));
        assertThat(catchThrowableOfType(InvalidException.class, () -> pictureStamps.update(stamp.id(),
                Map.of("subjectId", UUID.randomUUID()))).errors())
                .containsExactly(new FieldError("subjectId", "does not exist", "not_found"));
    }

    @Test
    void destroyingTheOwnerDeletesItsRowsInTheBoundTable() {
        articleStamps.create(Map.of("subjectId", article.id(), "emoji", "+1"));
        articles.destroy(article.id());
        assertThat(articleStamps.count(Query.all())).isZero();
    }
}
