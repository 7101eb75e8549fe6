package io.ashspring.autoconfigure.schema;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.ashspring.autoconfigure.diagnostics.SchemaMismatchFailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.migrate.SchemaDifference;
import io.ashspring.migrate.SchemaMismatchException;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mode that migrates refuses to start while the live database differs from the resources: {@code apply}
 * with resources ahead of the committed changelogs, {@code verify} with a change made by hand, {@code generate}
 * with existing tables of other column types or a change made by hand since.
 */
class StartupCatalogTests {

    private static final String V1 = "io.ashspring.autoconfigure.fixtures.gadgets.v1";
    private static final String V2 = "io.ashspring.autoconfigure.fixtures.gadgets.v2";
    private static final String MASTER = "spring.liquibase.change-log=classpath:/db/verify/db.changelog-master.yaml";

    private TestDatabase database;
    private JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.fresh();
        jdbc = JdbcClient.create(database.dataSource());
    }

    private ApplicationContextRunner runner(String packages, String... properties) {
        return StartupRunners.on(database, packages).withPropertyValues(properties);
    }

    private ApplicationContextRunner generate(String packages, String... properties) {
        return runner(packages, "ash.migrations.mode=generate", "spring.liquibase.enabled=false").withPropertyValues(properties);
    }

    private void sql(String statement) {
        jdbc.sql(statement).update();
    }

    private List<String> columns() {
        return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = 'gadgets' ORDER BY ordinal_position").query(String.class).list();
    }

    @Test
    void applyStartsWhenTheChangelogsMakeWhatTheResourcesExpect() {
        runner(V1, "ash.migrations.mode=apply", MASTER).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(AshCatalogVerifier.class).hasSingleBean(AshRuntime.class));
    }

    @Test
    void applyRefusesResourcesAheadOfTheCommittedChangelogs() {
        runner(V2, "ash.migrations.mode=apply", MASTER).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("ash.migrations.mode=apply: the database differs from the resources (1 difference):\n"
                            + "  - public.gadgets.color: expected column text nullable, found none\n")
                    .hasMessageContaining("./mvnw ash:codegen -Dash.name=<what_changed>")
                    .hasMessageContaining("ash.migrations.verify-catalog=false turns this check off");
            SchemaMismatchException mismatch = (SchemaMismatchException) rootCause(context.getStartupFailure());
            assertThat(mismatch.differences()).extracting(SchemaDifference::kind)
                    .containsExactly(SchemaDifference.Kind.MISSING_COLUMN);
        });
    }

    @Test
    void theCheckCanBeTurnedOff() {
        runner(V2, "ash.migrations.mode=apply", MASTER, "ash.migrations.verify-catalog=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(AshCatalogVerifier.class));
    }

    @Test
    void theModeNoneChecksNothing() {
        runner(V1, "ash.migrations.mode=none", "spring.liquibase.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(AshCatalogVerifier.class));
    }

    @Test
    void verifyRefusesAChangeMadeByHand() {
        runner(V1, "ash.migrations.mode=verify", MASTER).run(context -> assertThat(context).hasNotFailed());
        sql("ALTER TABLE gadgets ALTER COLUMN weight TYPE text");
        runner(V1, "ash.migrations.mode=verify", MASTER).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("ash.migrations.mode=verify: the database differs from the resources (1 difference):\n"
                            + "  - public.gadgets.weight: expected type integer, found text\n")
                    .hasMessageContaining("the database was changed outside them");
        });
    }

    @Test
    void generateRefusesToAdoptATableWhoseColumnHasAnotherType() {
        sql("CREATE TABLE gadgets (id uuid PRIMARY KEY, name varchar(10), weight text)");
        generate(V1).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("so they are not adopted (2 differences):\n"
                            + "  - public.gadgets.name: expected type text, found character varying(10)\n"
                            + "  - public.gadgets.weight: expected type integer, found text\n");
            assertThat(context.getStartupFailure()).hasRootCauseMessage(rootCause(context.getStartupFailure()).getMessage())
                    .rootCause().message().doesNotContain("the migration resumes");
            assertThat(rootCause(context.getStartupFailure()).getMessage()).endsWith("adopts them as they are)");
            FailureAnalysis analysis = new SchemaMismatchFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("  - public.gadgets.weight: expected type integer, found text")
                    .doesNotContain("adopts them as they are");
            assertThat(analysis.getAction()).contains("adopts them as they are", "ash.migrations.verify-catalog=false");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM public.ash_schema_state").query(Long.class).single()).isZero();
    }

    @Test
    void generateAdoptsATableOfOtherTypesWhenTheCheckIsOff() {
        sql("CREATE TABLE gadgets (id uuid PRIMARY KEY, name varchar(10), weight text)");
        generate(V1, "ash.migrations.verify-catalog=false").run(context -> assertThat(context).hasNotFailed());
        assertThat(jdbc.sql("SELECT count(*) FROM public.ash_schema_state").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void generateAdoptsATableWithExtraColumnsAndCreatesTheMissingOnes() {
        sql("CREATE TABLE gadgets (id uuid PRIMARY KEY, made_by_hand integer, name text)");
        generate(V1).run(context -> assertThat(context).hasNotFailed().hasSingleBean(AshCatalogVerifier.class));
        assertThat(columns()).containsExactly("id", "made_by_hand", "name", "weight");
        generate(V1).run(context -> assertThat(context).hasNotFailed()); // and the next start finds nothing to do
    }

    @Test
    void generateRefusesAChangeMadeByHandSinceTheRecordedState() {
        generate(V1).run(context -> assertThat(context).hasNotFailed());
        sql("ALTER TABLE gadgets ALTER COLUMN name SET NOT NULL");
        generate(V1).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("  - public.gadgets.name: expected nullable, found NOT NULL\n")
                    .hasMessageContaining("changed outside it");
        });
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
