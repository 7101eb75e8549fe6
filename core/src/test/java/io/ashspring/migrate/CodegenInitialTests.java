package io.ashspring.migrate;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The first migration of new resources (reference §2, "Initial"): each generated, applied to
 * PostgreSQL, checked in the catalog, rolled back to an empty schema and applied again.
 */
class CodegenInitialTests extends CodegenTestBase {

    enum Mood { HAPPY, GRUMPY }

    @Resource(table = "only_keys")
    record OnlyKey(@PrimaryKey UUID id) {
    }

    @Resource(table = "notes", migrate = false)
    record ExternalNote(@PrimaryKey UUID id, String body) {
    }

    @Resource(table = "settings")
    record Setting(@PrimaryKey UUID id,
                   @Attribute(defaultValue = "open") String state,
                   @Attribute(defaultValue = "3") Integer level,
                   @Attribute(defaultValue = "grumpy") Mood mood,
                   @Attribute(defaultValue = "it's") String quoted,
                   @Attribute(citext = true) String email,
                   @Attribute(columnType = "varchar(16)") String code) {
    }

    @Resource(table = "people")
    @Identity(name = "unique_email", keys = "email")
    @Identity(name = "unique_name", keys = {"firstName", "lastName"})
    record Person(@PrimaryKey UUID id, @Attribute(column = "mail") String email, String firstName, String lastName) {
    }

    @Resource(schema = "archive", table = "records")
    record ArchivedRecord(@PrimaryKey UUID id, String body) {
    }

    @Resource(table = "members")
    @Identity(name = "unique_handle", keys = {"handle", "team"}, where = "active", nullsDistinct = false)
    record Member(@PrimaryKey UUID id, String handle, String team, Boolean active) {
    }

    @Test
    void noResourcesMakeNoMigrationAndWriteNothing() {
        CodegenResult result = harness.generate("nothing");
        assertThat(result.report()).isEqualTo("No changes detected");
        assertThat(result.writtenFiles()).isEmpty();
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aResourceWithMigrateOffMakesNoMigration() {
        CodegenResult result = harness.generate("external", ExternalNote.class);
        assertThat(result.outcome()).isEqualTo(CodegenResult.Outcome.NO_CHANGES);
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aResourceWithOnlyAKeyMakesOneMigrationWithAUuidKeyDefaultingToGenRandomUuid() throws Exception {
        CodegenResult result = harness.migrate("only_key", OnlyKey.class);
        assertThat(result.operations()).extracting(o -> o.describe()).containsExactly("create table public.only_keys");
        assertThat(harness.catalog.columns("public.only_keys")).containsExactly("id uuid not null default gen_random_uuid()");
        assertThat(harness.catalog.constraints("public.only_keys", "p")).containsExactly(
                java.util.Map.entry("only_keys_pkey", "PRIMARY KEY (id)"));
        assertThat(result.writtenFiles()).extracting(p -> directory.relativize(p).toString()).containsExactly(
                "migrations/20260101000000_only_key.yaml", "ash-state/20260101000000_only_key.json", "db.changelog-master.yaml");
        assertThat(Files.readString(result.changelogFile())).contains("createTable:", "tableName: only_keys",
                "defaultValueComputed: gen_random_uuid()", "rollback:", "dropTable:");
    }

    @Test
    void literalDefaultsCitextAndAVarcharOverrideBecomeColumns() {
        CodegenResult result = harness.migrate("settings", Setting.class);
        assertThat(result.operations()).extracting(o -> o.describe())
                .containsExactly("create extension citext", "create table public.settings");
        assertThat(harness.catalog.columns("public.settings")).containsExactly(
                "id uuid not null default gen_random_uuid()",
                "state text default 'open'::text",
                "level integer default 3",
                "mood text default 'grumpy'::text",
                "quoted text default 'it''s'::text",
                "email citext",
                "code character varying(16)");
        assertThat(harness.catalog.extensions()).contains("citext");
    }

    @Test
    void eachIdentityIsAUniqueIndexOverItsColumnsEvenWhenTheyAreNamedOtherwise() {
        harness.migrate("people", Person.class);
        assertThat(harness.catalog.indexes("public", "people")).containsOnly(
                java.util.Map.entry("people_pkey", "CREATE UNIQUE INDEX people_pkey ON public.people USING btree (id)"),
                java.util.Map.entry("people_unique_email_index",
                        "CREATE UNIQUE INDEX people_unique_email_index ON public.people USING btree (mail)"),
                java.util.Map.entry("people_unique_name_index",
                        "CREATE UNIQUE INDEX people_unique_name_index ON public.people USING btree (first_name, last_name)"));
    }

    @Test
    void aTableInAnotherSchemaCreatesTheSchemaFirst() {
        CodegenResult result = harness.migrate("archive", ArchivedRecord.class);
        assertThat(result.operations()).extracting(o -> o.describe())
                .containsExactly("create schema archive", "create table archive.records");
        assertThat(harness.catalog.tableExists("archive", "records")).isTrue();
        assertThat(harness.catalog.tableExists("public", "records")).isFalse();
    }

    @Test
    void aPartialUniqueIndexWithNullsNotDistinct() {
        assumeThat(harness.database.serverVersionNum()).as("NULLS NOT DISTINCT needs PostgreSQL 15").isGreaterThanOrEqualTo(150000);
        harness.migrate("members", Member.class);
        assertThat(harness.catalog.indexes("public", "members").get("members_unique_handle_index")).isEqualTo(
                "CREATE UNIQUE INDEX members_unique_handle_index ON public.members USING btree (handle, team) "
                        + "NULLS NOT DISTINCT WHERE active");
        assertThat(harness.catalog.count("SELECT count(*) FROM databasechangelog")).isEqualTo(2);
        assertThat(List.of(harness.catalog.columns("public.members").get(0))).containsExactly("id uuid not null default gen_random_uuid()");
    }
}
