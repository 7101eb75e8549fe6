package io.ashspring.migrate;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CustomIndex;
import io.ashspring.resource.Extensions;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Renamed;
import io.ashspring.resource.Resource;

import static io.ashspring.migrate.CodegenHarness.steps;
import static org.assertj.core.api.Assertions.assertThat;

/** Indexes (reference §2, "Indexes"), applied to PostgreSQL and rolled back. */
class CodegenIndexTests extends CodegenTestBase {

    @Resource(table = "events")
    record Event(@PrimaryKey UUID id, String kind, Instant at, String body) {
    }

    @Resource(table = "events")
    @CustomIndex(fields = "kind", concurrently = true)
    record EventIndexedConcurrently(@PrimaryKey UUID id, String kind, Instant at, String body) {
    }

    @Resource(table = "events")
    @CustomIndex(fields = {"kind", "at desc"})
    @CustomIndex(fields = "body gin_trgm_ops", name = "events_body_trgm_index", using = "gin")
    @CustomIndex(fields = "lower(kind)", name = "events_lower_kind_index", include = "at", where = "body IS NOT NULL")
    @Extensions("pg_trgm")
    record EventIndexed(@PrimaryKey UUID id, String kind, Instant at, String body) {
    }

    @Resource(table = "codes")
    record Code(@PrimaryKey UUID id, String value) {
    }

    @Resource(table = "codes")
    @CustomIndex(fields = "value", unique = true, concurrently = true, name = "codes_value_index")
    record CodeUnique(@PrimaryKey UUID id, String value) {
    }

    @Resource(table = "uses")
    record CodeUse(@PrimaryKey UUID id, @BelongsTo(destinationAttribute = "value") Ref<CodeUnique, String> code) {
    }

    @Resource(table = "accounts")
    @Identity(name = "unique_email", keys = "email")
    record Account(@PrimaryKey UUID id, String email, Boolean active) {
    }

    @Resource(table = "accounts")
    @Identity(name = "unique_email", keys = "email", where = "active")
    record AccountPartial(@PrimaryKey UUID id, String email, Boolean active) {
    }

    @Resource(table = "accounts")
    @Identity(name = "unique_email", keys = "email", indexName = "accounts_email_key")
    record AccountNamedIndex(@PrimaryKey UUID id, String email, Boolean active) {
    }

    @Resource(table = "accounts")
    @CustomIndex(fields = "email")
    record AccountIndexed(@PrimaryKey UUID id, String email, Boolean active) {
    }

    @Resource(table = "accounts")
    @CustomIndex(fields = "mail")
    record AccountIndexedRenamed(@PrimaryKey UUID id, @Renamed(from = "email") String mail, Boolean active) {
    }

    @Test
    void aConcurrentIndexGetsItsOwnChangesetOutsideATransaction() throws Exception {
        harness.migrate("events", Event.class);
        CodegenResult result = harness.migrate("concurrently", EventIndexedConcurrently.class);
        assertThat(steps(result)).containsExactly("add index events_kind_index on public.events (concurrently)");
        String changelog = Files.readString(result.changelogFile());
        assertThat(changelog).contains("runInTransaction: false", "CREATE INDEX CONCURRENTLY \"events_kind_index\"",
                "DROP INDEX CONCURRENTLY \"public\".\"events_kind_index\"");
        assertThat(harness.catalog.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'events_kind_index'::regclass "
                + "AND indisvalid")).isEqualTo(1);
    }

    @Test
    void aUniqueIndexMadeConcurrentlyComesBeforeTheForeignKeyThatNeedsIt() throws Exception {
        harness.migrate("codes", Code.class);
        CodegenResult result = harness.migrate("uses", CodeUnique.class, CodeUse.class);
        assertThat(steps(result)).containsExactly("create table public.uses", "add unique index codes_value_index on public.codes (concurrently)",
                "add foreign key uses_code_id_fkey public.uses[code_id] -> public.codes[value]");
        String changelog = Files.readString(result.changelogFile());
        assertThat(changelog.indexOf("runInTransaction: false")).isLessThan(changelog.indexOf("addForeignKeyConstraint"));
    }

    @Test
    void descendingFieldsOperatorClassesExpressionsIncludeAndWhereAreKeptAndNamed() {
        CodegenResult result = harness.migrate("events", EventIndexed.class);
        assertThat(steps(result)).startsWith("create extension pg_trgm");
        assertThat(harness.catalog.indexes("public", "events")).containsEntry("events_kind_at_index",
                        "CREATE INDEX events_kind_at_index ON public.events USING btree (kind, at DESC)")
                .containsEntry("events_body_trgm_index", "CREATE INDEX events_body_trgm_index ON public.events USING gin (body gin_trgm_ops)")
                .containsEntry("events_lower_kind_index", "CREATE INDEX events_lower_kind_index ON public.events USING btree (lower(kind)) "
                        + "INCLUDE (at) WHERE (body IS NOT NULL)");
    }

    @Test
    void changingAnIdentitysWhereDropsAndRecreatesItsIndex() {
        harness.migrate("accounts", Account.class);
        CodegenResult result = harness.migrate("partial", AccountPartial.class);
        assertThat(steps(result)).containsExactly("drop index accounts_unique_email_index on public.accounts",
                "add unique index accounts_unique_email_index on public.accounts");
        assertThat(harness.catalog.indexes("public", "accounts").get("accounts_unique_email_index")).endsWith("WHERE active");
    }

    @Test
    void renamingAnIdentitysIndexRenamesIt() {
        harness.migrate("accounts", Account.class);
        long index = harness.catalog.oid("accounts_unique_email_index");
        CodegenResult result = harness.migrate("rename", AccountNamedIndex.class);
        assertThat(steps(result)).containsExactly("rename index accounts_unique_email_index on public.accounts to accounts_email_key");
        assertThat(harness.catalog.oid("accounts_email_key")).isEqualTo(index);
    }

    @Test
    void anIndexOverARenamedColumnIsRenamedNotRebuilt() {
        harness.migrate("accounts", AccountIndexed.class);
        long index = harness.catalog.oid("accounts_email_index");
        CodegenResult result = harness.migrate("mail", AccountIndexedRenamed.class);
        assertThat(steps(result)).containsExactly("rename column public.accounts.email to mail",
                "rename index accounts_email_index on public.accounts to accounts_mail_index");
        assertThat(harness.catalog.oid("accounts_mail_index")).isEqualTo(index);
        assertThat(harness.catalog.indexes("public", "accounts").get("accounts_mail_index")).endsWith("(mail)");
    }
}
