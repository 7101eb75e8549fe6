package io.ashspring.migrate.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.migrate.SchemaDifference;
import io.ashspring.migrate.SchemaDifference.Kind;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog check against real tables: made from the resources they match; changed by hand, each change is listed. */
class CatalogCheckTests {

    enum Mood { CALM, UPSET }

    @Resource(table = "ledgers")
    @Identity(name = "unique_code", keys = "code")
    record Ledger(
            @PrimaryKey UUID id,
            @Attribute(allowNil = false, varchar = 40) String code,
            @Attribute(citext = true) String email,
            @Attribute(precision = 10, scale = 2) BigDecimal amount,
            @Attribute(columnType = "numeric(12)") BigDecimal whole,
            List<Integer> counts,
            List<String> tags,
            Mood mood,
            Map<String, Object> extra,
            Instant insertedAt,
            @Attribute(columnType = "timestamp(3)") LocalDateTime localAt,
            Double ratio) {
    }

    @Resource(table = "journals")
    record Journal(@PrimaryKey Long id, String title) {
    }

    private static final QualifiedName LEDGERS = new QualifiedName("public", "ledgers");
    private static final QualifiedName JOURNALS = new QualifiedName("public", "journals");
    private static final ResourceRegistry REGISTRY = ResourceRegistry.of(Ledger.class, Journal.class);

    private final TestDatabase database = TestDatabases.fresh("citext"); // one per test: each changes its tables

    private List<SchemaDifference> check() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            return CatalogCheck.check(connection, TableModel.from(REGISTRY));
        }
    }

    private void sql(String statement) {
        JdbcClient.create(database.dataSource()).sql(statement).update();
    }

    @Test
    void tablesMadeFromTheResourcesMatch() throws Exception {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        assertThat(check()).isEmpty();
    }

    @Test
    void tablesMadeByHandWithOtherSpellingsOfTheSameTypesMatch() throws Exception {
        sql("CREATE TABLE ledgers (id uuid PRIMARY KEY, code character varying(40) NOT NULL UNIQUE, email citext, "
                + "amount decimal(10,2), whole numeric(12,0), counts int4[], tags text[], mood text, extra jsonb, "
                + "inserted_at timestamp with time zone, local_at timestamp(3) without time zone, ratio float8, "
                + "made_by_hand int4)");
        sql("CREATE TABLE journals (id int8 PRIMARY KEY, title text)");
        assertThat(check()).isEmpty(); // the extra column made_by_hand is fine
    }

    @Test
    void aColumnOfAnotherTypeOrSizeIsListed() throws Exception {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        sql("ALTER TABLE ledgers ALTER COLUMN amount TYPE numeric(12,2), ALTER COLUMN code TYPE varchar(80), "
                + "ALTER COLUMN tags TYPE varchar(20)[], ALTER COLUMN ratio TYPE real, ALTER COLUMN email TYPE text");
        assertThat(check()).extracting(SchemaDifference::describe).containsExactly(
                "public.ledgers.code: expected type varchar(40), found character varying(80)",
                "public.ledgers.email: expected type citext, found text",
                "public.ledgers.amount: expected type numeric(10,2), found numeric(12,2)",
                "public.ledgers.tags: expected type text[], found character varying(20)[]",
                "public.ledgers.ratio: expected type double precision, found real");
    }

    @Test
    void aMissingColumnAndAMissingTableAreListed() throws Exception {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        sql("ALTER TABLE ledgers DROP COLUMN extra");
        sql("DROP TABLE journals");
        List<SchemaDifference> differences = check();
        assertThat(differences).extracting(SchemaDifference::kind).containsExactly(Kind.MISSING_COLUMN, Kind.MISSING_TABLE);
        assertThat(differences.get(0).table()).isEqualTo(LEDGERS);
        assertThat(differences.get(0).column()).isEqualTo("extra");
        assertThat(differences).extracting(SchemaDifference::describe).containsExactly(
                "public.ledgers.extra: expected column jsonb nullable, found none",
                "public.journals: expected table with columns id, title, found none");
    }

    @Test
    void nullabilityThatDiffersEitherWayIsListed() throws Exception {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        sql("ALTER TABLE ledgers ALTER COLUMN code DROP NOT NULL, ALTER COLUMN mood SET NOT NULL");
        assertThat(check()).extracting(SchemaDifference::describe).containsExactly(
                "public.ledgers.code: expected NOT NULL, found nullable",
                "public.ledgers.mood: expected nullable, found NOT NULL");
    }

    @Test
    void aMissingPrimaryKeyOrUniqueIndexIsListed() throws Exception {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        sql("ALTER TABLE journals DROP CONSTRAINT journals_pkey");
        sql("ALTER TABLE journals ALTER COLUMN id SET NOT NULL");
        String uniqueIndex = JdbcClient.create(database.dataSource()).sql("SELECT indexname FROM pg_indexes "
                + "WHERE tablename = 'ledgers' AND indexdef LIKE 'CREATE UNIQUE%(code)'").query(String.class).single();
        sql("DROP INDEX " + uniqueIndex);
        List<SchemaDifference> differences = check();
        assertThat(differences).extracting(SchemaDifference::kind).containsExactly(Kind.UNIQUE_KEY, Kind.PRIMARY_KEY);
        assertThat(differences.get(0).describe()).isEqualTo("public.ledgers: expected unique index " + uniqueIndex
                + " on (code), found none");
        assertThat(differences.get(1)).isEqualTo(new SchemaDifference(JOURNALS, null, Kind.PRIMARY_KEY, "primary key (id)", "none"));
    }

    @Test
    void aTypeTheDatabaseDoesNotKnowIsSaidSo() throws Exception {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        sql("ALTER TABLE ledgers ALTER COLUMN email TYPE text");
        sql("DROP EXTENSION citext");
        assertThat(check()).extracting(SchemaDifference::describe)
                .containsExactly("public.ledgers.email: expected type citext (no such type in the database), found text");
    }

    @Test
    void anEnumTypeOfTheDatabaseMatchesByName() throws Exception {
        sql("CREATE TYPE mood AS ENUM ('calm', 'upset')");
        sql("CREATE TABLE moods (id bigint PRIMARY KEY, mood mood, other mood)");
        TableModel model = TableModel.from(ResourceRegistry.of(MoodRow.class));
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(CatalogCheck.check(connection, model)).extracting(SchemaDifference::describe)
                    .containsExactly("public.moods.other: expected type text, found mood");
        }
    }

    @Test
    void arraysWithModifiersMatchAndTheirSizesCount() throws Exception {
        // made by hand: Liquibase renders numeric(10, 2)[] as NUMERIC[](10, 2), which PostgreSQL refuses
        sql("CREATE TABLE rates (id bigint PRIMARY KEY, rates numeric(10,2)[], codes character varying(8)[], "
                + "wide numeric(10,2)[])");
        TableModel model = TableModel.from(ResourceRegistry.of(RateRow.class));
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(CatalogCheck.check(connection, model)).extracting(SchemaDifference::describe)
                    .containsExactly("public.rates.wide: expected type numeric(12, 2)[], found numeric(10,2)[]");
        }
    }

    @Resource(table = "rates")
    record RateRow(@PrimaryKey Long id, @Attribute(columnType = "numeric(10, 2)[]") List<BigDecimal> rates,
                   @Attribute(columnType = "varchar(8)[]") List<String> codes,
                   @Attribute(columnType = "numeric(12, 2)[]") List<BigDecimal> wide) {
    }

    @Resource(table = "moods")
    record MoodRow(@PrimaryKey Long id, @Attribute(columnType = "mood") Mood mood, Mood other) {
    }
}
