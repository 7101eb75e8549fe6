package io.ashspring.migrate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.fixtures.Blog;
import io.ashspring.fixtures.Photo;
import io.ashspring.fixtures.Post;
import io.ashspring.fixtures.PostTag;
import io.ashspring.fixtures.Reaction;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.Tag;
import io.ashspring.migrate.codegen.InMemoryMigration;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.CustomIndex;
import io.ashspring.resource.CustomStatement;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.Identity;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The generator's migration from an empty state ({@code MigrationGenerator.createSchema}), applied by
 * Liquibase to a fresh database, creates what the resources declare; checked in PostgreSQL's catalog.
 *
 * <p>{@code pg_trgm} for the gin index is also created by {@code @PostgresTest(extensions = ...)}, before
 * the changelog runs: the changelog's own {@code CREATE EXTENSION IF NOT EXISTS} (the table model
 * finds it from the {@code gin_trgm_ops} operator class) must then leave it alone.
 */
@PostgresTest(extensions = "pg_trgm")
class CreateSchemaTests {

    @Resource(table = "accounts")
    @Identity(name = "unique_handle", keys = "handle")
    @Identity(name = "unique_email_when_open", keys = "email", where = "state = 'open'")
    @CheckConstraint(name = "accounts_score_non_negative", check = "score >= 0", fields = "score", message = "must not be negative")
    @CustomIndex(fields = "handle gin_trgm_ops", name = "accounts_handle_trgm_index", using = "gin")
    @CustomIndex(fields = {"state", "insertedAt desc"}, include = "handle")
    @CustomIndex(fields = "lower(email)", name = "accounts_lower_email_index", where = "email IS NOT NULL")
    @CustomStatement(name = "open_accounts_view",
            up = "CREATE VIEW open_accounts AS SELECT id, handle FROM accounts WHERE state = 'open'",
            down = "DROP VIEW open_accounts")
    record Account(
            @PrimaryKey Long id,
            @Attribute(allowNil = false, varchar = 40) String handle,
            @Attribute(citext = true) String email,
            @Attribute(defaultValue = "open") Status state,
            @Attribute(defaultValue = "0") Integer score,
            @Attribute(precision = 12, scale = 4) BigDecimal balance,
            @Attribute(sqlDefault = "'{}'") List<String> tags,
            @CreateTimestamp Instant insertedAt) {
    }

    @Resource(table = "memberships")
    record Membership(
            @PrimaryKey UUID id,
            @BelongsTo(allowNil = false) @Reference(onDelete = OnDelete.DELETE, onUpdate = OnUpdate.UPDATE) Ref<Account, Long> account,
            @BelongsTo @Reference(onDelete = OnDelete.NILIFY, deferrable = Deferrable.YES) Ref<Account, Long> invitedBy,
            @BelongsTo @Reference(onDelete = OnDelete.RESTRICT, onUpdate = OnUpdate.RESTRICT,
                    deferrable = Deferrable.INITIALLY_DEFERRED) Ref<Account, Long> approvedBy,
            @BelongsTo @Reference(index = true) Ref<Account, Long> sponsor,
            @BelongsTo @Reference(enabled = false) Ref<Account, Long> legacyAccount,
            @BelongsTo @Reference(name = "memberships_note_fk", onUpdate = OnUpdate.NILIFY) Ref<ArchivedNote, UUID> note) {
    }

    @Resource(schema = "archive", table = "archived_notes")
    record ArchivedNote(@PrimaryKey UUID id, String body) {
    }

    /** PostgreSQL 15+ only: NULLS NOT DISTINCT and ON DELETE SET NULL (columns). */
    @Resource(table = "regions")
    record Region(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "offices")
    @Identity(name = "unique_code", keys = {"code", "floor"}, nullsDistinct = false)
    @CustomIndex(fields = "alias", unique = true, nullsDistinct = false, name = "offices_alias_index")
    record Office(
            @PrimaryKey UUID id,
            String code,
            Integer floor,
            String alias,
            @BelongsTo @Reference(onDelete = OnDelete.NILIFY, nilifyColumns = "regionId") Ref<Region, UUID> region) {
    }

    /** Added to the resources after the schema exists, as a restarted application would. */
    @Resource(table = "bookmarks")
    record Bookmark(@PrimaryKey UUID id, @BelongsTo @Reference(onDelete = OnDelete.DELETE) Ref<Account, Long> account) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(List.of(Account.class, Membership.class, ArchivedNote.class,
            Post.class, Tag.class, PostTag.class, Photo.class, Reaction.class));
    static TestDatabase database;
    static JdbcClient jdbc;
    static Catalog catalog;
    static InMemoryMigration created;

    @BeforeAll
    static void migrate(TestDatabase testDatabase) {
        database = testDatabase;
        created = MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        jdbc = JdbcClient.create(database.dataSource());
        catalog = new Catalog(jdbc);
    }

    // ---------------------------------------------------------------- catalog helpers

    private static List<String> columns(String schema, String table) {
        return catalog.columns(schema + "." + table);
    }

    private static Map<String, String> constraints(String qualifiedTable, String kind) {
        return catalog.constraints(qualifiedTable, kind);
    }

    /** "delete update deferrable deferred" codes of a foreign key, as pg_constraint stores them. */
    private static String foreignKeyRules(String name) {
        Map<String, Object> row = jdbc.sql("SELECT confdeltype::text AS del, confupdtype::text AS upd, condeferrable, condeferred "
                + "FROM pg_constraint WHERE conname = ? AND contype = 'f'").param(name).query().singleRow();
        return row.get("del") + " " + row.get("upd") + " " + row.get("condeferrable") + " " + row.get("condeferred");
    }

    private static Map<String, String> indexes(String schema, String table) {
        return catalog.indexes(schema, table);
    }

    private static long count(String sql, Object... params) {
        return catalog.count(sql, params);
    }

    // ---------------------------------------------------------------- tables and columns

    @Test
    void tablesAreCreatedWithTheirColumnsTypesNullabilityAndDefaults() {
        assertThat(columns("public", "accounts")).containsExactly(
                "id bigint not null identity",
                "handle character varying(40) not null",
                "email citext",
                "state text default 'open'::text",
                "score integer default 0",
                "balance numeric(12,4)",
                "tags text[] default '{}'::text[]",
                "inserted_at timestamp with time zone not null default now()");
        assertThat(columns("public", "memberships")).containsExactly(
                "id uuid not null default gen_random_uuid()",
                "account_id bigint not null",
                "invited_by_id bigint",
                "approved_by_id bigint",
                "sponsor_id bigint",
                "legacy_account_id bigint",
                "note_id uuid");
        assertThat(constraints("public.accounts", "p")).containsExactly(Map.entry("accounts_pkey", "PRIMARY KEY (id)"));
        assertThat(constraints("public.memberships", "p")).containsExactly(Map.entry("memberships_pkey", "PRIMARY KEY (id)"));
    }

    @Test
    void aNonPublicSchemaIsCreatedWithItsTables() {
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = 'archive'")).isEqualTo(1);
        assertThat(columns("archive", "archived_notes")).containsExactly(
                "id uuid not null default gen_random_uuid()",
                "body text");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name = 'archived_notes'")).isZero();
        // and a foreign key in another schema points at it
        assertThat(constraints("public.memberships", "f")).containsEntry("memberships_note_fk",
                "FOREIGN KEY (note_id) REFERENCES archive.archived_notes(id) ON UPDATE SET NULL");
    }

    @Test
    void aLongKeyIsAnIdentityColumnThatNumbersNewRows() {
        AshRuntime ash = AshRuntime.of(REGISTRY, database.dataSource());
        ResourceService<Account> accounts = ash.service(Account.class);
        Account first = accounts.create(Map.of("handle", "first"));
        Account second = accounts.create(Map.of("handle", "second"));
        assertThat(first.id()).isPositive();
        assertThat(second.id()).isEqualTo(first.id() + 1);
        // the column defaults came back through RETURNING
        assertThat(first.state()).isEqualTo(Status.OPEN);
        assertThat(first.score()).isZero();
        assertThat(first.tags()).isEmpty();
        assertThat(first.insertedAt()).isNotNull();
        // by default, not always: an explicit key is accepted
        jdbc.sql("INSERT INTO accounts (id, handle) VALUES (1000000, 'explicit')").update();
        assertThat(accounts.get(1000000L).handle()).isEqualTo("explicit");
        jdbc.sql("DELETE FROM accounts").update();
    }

    // ---------------------------------------------------------------- foreign keys

    @Test
    void foreignKeysCarryTheirDeleteAndUpdateRulesAndDeferrability() {
        Map<String, String> foreignKeys = constraints("public.memberships", "f");
        assertThat(foreignKeys).containsOnlyKeys("memberships_account_id_fkey", "memberships_invited_by_id_fkey",
                "memberships_approved_by_id_fkey", "memberships_sponsor_id_fkey", "memberships_note_fk");
        // codes: a = no action, r = restrict, c = cascade, n = set null
        assertThat(foreignKeyRules("memberships_account_id_fkey")).isEqualTo("c c false false");
        assertThat(foreignKeyRules("memberships_invited_by_id_fkey")).isEqualTo("n a true false");
        assertThat(foreignKeyRules("memberships_approved_by_id_fkey")).isEqualTo("r r true true");
        assertThat(foreignKeyRules("memberships_sponsor_id_fkey")).isEqualTo("a a false false");
        assertThat(foreignKeyRules("memberships_note_fk")).isEqualTo("a n false false");
        assertThat(foreignKeys.get("memberships_account_id_fkey"))
                .isEqualTo("FOREIGN KEY (account_id) REFERENCES accounts(id) ON UPDATE CASCADE ON DELETE CASCADE");
        assertThat(foreignKeys.get("memberships_approved_by_id_fkey"))
                .isEqualTo("FOREIGN KEY (approved_by_id) REFERENCES accounts(id) ON UPDATE RESTRICT ON DELETE RESTRICT "
                        + "DEFERRABLE INITIALLY DEFERRED");
        assertThat(foreignKeys.get("memberships_invited_by_id_fkey"))
                .isEqualTo("FOREIGN KEY (invited_by_id) REFERENCES accounts(id) ON DELETE SET NULL DEFERRABLE");
    }

    @Test
    void aReferenceWithIndexGetsAnIndexAndADisabledOneGetsNoForeignKey() {
        assertThat(indexes("public", "memberships")).containsOnlyKeys("memberships_pkey", "memberships_sponsor_id_index");
        assertThat(indexes("public", "memberships").get("memberships_sponsor_id_index"))
                .isEqualTo("CREATE INDEX memberships_sponsor_id_index ON public.memberships USING btree (sponsor_id)");
        assertThat(constraints("public.memberships", "f").values()).noneMatch(d -> d.contains("legacy_account_id"));
    }

    // ---------------------------------------------------------------- identities, checks, indexes, statements

    @Test
    void eachIdentityIsAUniqueIndexPartialWhenItHasAWhere() {
        Map<String, String> indexes = indexes("public", "accounts");
        assertThat(indexes.get("accounts_unique_handle_index"))
                .isEqualTo("CREATE UNIQUE INDEX accounts_unique_handle_index ON public.accounts USING btree (handle)");
        assertThat(indexes.get("accounts_unique_email_when_open_index"))
                .isEqualTo("CREATE UNIQUE INDEX accounts_unique_email_when_open_index ON public.accounts USING btree (email) "
                        + "WHERE (state = 'open'::text)");
    }

    @Test
    void checkConstraintsAreCreatedWithTheirSql() {
        assertThat(constraints("public.accounts", "c"))
                .containsExactly(Map.entry("accounts_score_non_negative", "CHECK ((score >= 0))"));
        Throwable violation = catchThrowable(() -> jdbc.sql("INSERT INTO accounts (handle, score) VALUES ('negative', -1)").update());
        assertThat(violation).hasMessageContaining("accounts_score_non_negative");
    }

    @Test
    void customIndexesKeepTheirMethodOperatorClassDirectionIncludeAndCondition() {
        Map<String, String> indexes = indexes("public", "accounts");
        assertThat(indexes).containsOnlyKeys("accounts_pkey", "accounts_unique_handle_index",
                "accounts_unique_email_when_open_index", "accounts_handle_trgm_index", "accounts_state_inserted_at_index",
                "accounts_lower_email_index");
        assertThat(indexes.get("accounts_handle_trgm_index"))
                .isEqualTo("CREATE INDEX accounts_handle_trgm_index ON public.accounts USING gin (handle gin_trgm_ops)");
        assertThat(indexes.get("accounts_state_inserted_at_index"))
                .isEqualTo("CREATE INDEX accounts_state_inserted_at_index ON public.accounts USING btree (state, inserted_at DESC) "
                        + "INCLUDE (handle)");
        assertThat(indexes.get("accounts_lower_email_index"))
                .startsWith("CREATE INDEX accounts_lower_email_index ON public.accounts USING btree (lower(")
                .endsWith("WHERE (email IS NOT NULL)");
    }

    @Test
    void aCustomStatementsUpRanAfterItsTableExisted() {
        assertThat(count("SELECT count(*) FROM pg_views WHERE schemaname = 'public' AND viewname = 'open_accounts'")).isEqualTo(1);
        jdbc.sql("INSERT INTO accounts (handle, state) VALUES ('visible', 'open'), ('hidden', 'closed')").update();
        try {
            assertThat(jdbc.sql("SELECT handle FROM open_accounts").query(String.class).list()).containsExactly("visible");
        } finally {
            jdbc.sql("DELETE FROM accounts").update();
        }
    }

    // ---------------------------------------------------------------- polymorphism and many_to_many

    @Test
    void aPolymorphicResourceGetsOneTablePerRelationshipWithAForeignKeyBackToTheOwner() {
        for (String[] owner : new String[][] {{"post_reactions", "posts"}, {"photo_reactions", "photos"}}) {
            String table = owner[0];
            assertThat(columns("public", table)).as(table).containsExactly(
                    "id uuid not null default gen_random_uuid()",
                    "subject_id uuid not null",
                    "emoji text not null");
            assertThat(constraints("public." + table, "p")).containsExactly(Map.entry(table + "_pkey", "PRIMARY KEY (id)"));
            assertThat(constraints("public." + table, "f")).containsExactly(Map.entry(table + "_subject_id_fkey",
                    "FOREIGN KEY (subject_id) REFERENCES " + owner[1] + "(id) ON DELETE CASCADE"));
            assertThat(indexes("public", table)).containsEntry(table + "_one_per_emoji_index",
                    "CREATE UNIQUE INDEX " + table + "_one_per_emoji_index ON public." + table + " USING btree (subject_id, emoji)");
        }
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'reaction'")).isZero();
    }

    @Test
    void aManyToManyJoinTableHasACompositeKeyOfBothForeignKeys() {
        assertThat(columns("public", "post_tags")).containsExactly("post_id uuid not null", "tag_id uuid not null");
        assertThat(constraints("public.post_tags", "p")).containsExactly(Map.entry("post_tags_pkey", "PRIMARY KEY (post_id, tag_id)"));
        assertThat(constraints("public.post_tags", "f")).containsExactly(
                Map.entry("post_tags_post_id_fkey", "FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE"),
                Map.entry("post_tags_tag_id_fkey", "FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE"));
        AshRuntime ash = AshRuntime.of(Blog.registry(), database.dataSource());
        Post post = ash.service(Post.class).create(Map.of("title", "Hello"));
        Tag tag = ash.service(Tag.class).create(Map.of("name", "greeting-" + UUID.randomUUID()));
        ResourceService<PostTag> postTags = ash.service(PostTag.class);
        postTags.create(Map.of("post", post.id(), "tag", tag.id()));
        assertThat(postTags.get(Map.of("postId", post.id(), "tagId", tag.id())).tag().id()).isEqualTo(tag.id());
        ash.service(Post.class).destroy(post.id());
        assertThat(count("SELECT count(*) FROM post_tags WHERE tag_id = ?", tag.id())).isZero();
        ash.service(Tag.class).destroy(tag.id());
    }

    // ---------------------------------------------------------------- applying again

    @Test
    void creatingTheSameSchemaAgainChangesNothingAndDoesNotFail() {
        String catalog = "SELECT (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                + "WHERE n.nspname IN ('public', 'archive')) * 1000000 + (SELECT count(*) FROM pg_indexes "
                + "WHERE schemaname IN ('public', 'archive')) * 1000 + (SELECT count(*) FROM information_schema.columns "
                + "WHERE table_schema IN ('public', 'archive'))";
        long before = count(catalog);
        long ran = count("SELECT count(*) FROM databasechangelog");
        for (int i = 0; i < 2; i++) {
            MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        }
        assertThat(count(catalog)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM databasechangelog")).isEqualTo(ran);
        assertThat(count("SELECT count(*) FROM databasechangelog WHERE exectype = 'EXECUTED' AND filename = ?",
                MigrationGenerator.SCHEMA_CHANGELOG_PATH)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aChangedChangelogIsAppliedEvenAfterTheSamePathWasUpToDateInThisJvm() {
        // Liquibase's fast check would remember "ash/schema is up to date on this URL" and skip the new table
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        List<Class<?>> grown = new ArrayList<>(REGISTRY.resources().stream().<Class<?>>map(r -> r.type()).toList());
        grown.add(Bookmark.class);
        InMemoryMigration next = MigrationGenerator.inMemory(created.state(), ResourceRegistry.of(grown), List.of(),
                MigrationGenerator.SCHEMA_CHANGELOG_PATH, "grown");
        LiquibaseMigrator.apply(database.dataSource(), next.changelog());
        assertThat(columns("public", "bookmarks")).containsExactly("id uuid not null default gen_random_uuid()", "account_id bigint");
        assertThat(constraints("public.bookmarks", "f")).containsExactly(Map.entry("bookmarks_account_id_fkey",
                "FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE"));
    }

    // ---------------------------------------------------------------- PostgreSQL 15+

    @Test
    void nullsNotDistinctAndNilifyingSomeColumnsWorkOnPostgres15AndNewer() {
        assumeThat(database.serverVersionNum()).as("NULLS NOT DISTINCT and ON DELETE SET NULL (columns) need PostgreSQL 15")
                .isGreaterThanOrEqualTo(150000);
        ResourceRegistry modern = ResourceRegistry.of(Region.class, Office.class);
        MigrationGenerator.createSchema(database.dataSource(), modern);

        Map<String, String> indexes = indexes("public", "offices");
        assertThat(indexes.get("offices_unique_code_index")).isEqualTo("CREATE UNIQUE INDEX offices_unique_code_index "
                + "ON public.offices USING btree (code, floor) NULLS NOT DISTINCT");
        assertThat(indexes.get("offices_alias_index")).isEqualTo("CREATE UNIQUE INDEX offices_alias_index "
                + "ON public.offices USING btree (alias) NULLS NOT DISTINCT");
        assertThat(constraints("public.offices", "f")).containsExactly(Map.entry("offices_region_id_fkey",
                "FOREIGN KEY (region_id) REFERENCES regions(id) ON DELETE SET NULL (region_id)"));
        assertThat(jdbc.sql("SELECT array_length(confdelsetcols, 1) FROM pg_constraint WHERE conname = 'offices_region_id_fkey'")
                .query(Integer.class).single()).isEqualTo(1);

        AshRuntime ash = AshRuntime.of(modern, database.dataSource());
        Region region = ash.service(Region.class).create(Map.of("name", "North"));
        ResourceService<Office> offices = ash.service(Office.class);
        Office office = offices.create(Map.of("code", "HQ", "region", region.id()));
        // two nulls in floor are the same value: the second (HQ, null) is taken
        Throwable duplicate = catchThrowable(() -> offices.create(Map.of("code", "HQ")));
        assertThat(duplicate).isInstanceOf(io.ashspring.error.InvalidException.class);
        ash.service(Region.class).destroy(region.id());
        assertThat(offices.get(office.id()).region()).isNull();
        assertThat(offices.get(office.id()).code()).isEqualTo("HQ");
    }
}
