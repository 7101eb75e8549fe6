package io.ashspring.autoconfigure.schema;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The generate and verify startup modes, each test on a fresh database, across several starts. */
@ExtendWith(OutputCaptureExtension.class)
class StartupMigrationTests {

    private static final String V1 = "io.ashspring.autoconfigure.fixtures.gadgets.v1";
    private static final String V2 = "io.ashspring.autoconfigure.fixtures.gadgets.v2";
    private static final String V3 = "io.ashspring.autoconfigure.fixtures.gadgets.v3";
    private static final String VERIFY_MASTER = "spring.liquibase.change-log=classpath:/db/verify/db.changelog-master.yaml";

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

    /** A start in generate mode (Spring Boot's Liquibase run off, as the environment post-processor makes it). */
    private void generate(String packages, String... properties) {
        runner(packages, "ash.migrations.mode=generate", "spring.liquibase.enabled=false").withPropertyValues(properties)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AshSchemaInitializer.class));
    }

    private List<String> columns() {
        return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = 'gadgets' ORDER BY ordinal_position").query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long generatedChangesets() {
        return count("SELECT count(*) FROM databasechangelog WHERE filename = '" + AshSchemaInitializer.CHANGELOG_PATH + "'");
    }

    private boolean exists(String table) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single();
    }

    @Test
    void generateOnAnEmptyDatabaseCreatesTheTablesAndRecordsTheState() {
        generate(V1, "ash.extensions=citext");
        assertThat(columns()).containsExactly("id", "name", "weight");
        assertThat(count("SELECT count(*) FROM pg_extension WHERE extname = 'citext'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM public.ash_schema_state")).isEqualTo(1);
        String state = jdbc.sql("SELECT state FROM public.ash_schema_state").query(String.class).single();
        assertThat(state).contains("\"format\" : \"ash-migration-state\"", "\"public.gadgets\"", "\"weight\"", "\"citext\" : true");
        assertThat(generatedChangesets()).isEqualTo(2); // the extension and the table
    }

    @Test
    void theRuntimeWaitsForTheStartupMigrationAndLiquibaseForTheVerification() {
        runner(V1, "ash.migrations.mode=generate", "spring.liquibase.enabled=false").run(context ->
                assertThat(context.getBeanFactory().getBeanDefinition("ashRuntime").getDependsOn())
                        .contains("ashSchemaInitializer"));
        database = TestDatabases.fresh(); // the committed changelog creates the table the first start made
        runner(V1, "ash.migrations.mode=verify", VERIFY_MASTER).run(context -> {
            assertThat(context.getBeanFactory().getBeanDefinition("liquibase").getDependsOn()).contains("ashSchemaVerifier");
            assertThat(context.getBeanFactory().getBeanDefinition("ashRuntime").getDependsOn())
                    .contains("ashSchemaVerifier", "liquibase");
        });
    }

    @Test
    void aChangedResourceAltersTheTableAtTheNextStart() {
        generate(V1);
        generate(V2);
        assertThat(columns()).containsExactly("id", "name", "weight", "color");
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE tablename = 'gadgets' AND indexdef LIKE '%(name)%'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT column_default FROM information_schema.columns WHERE table_name = 'gadgets' "
                + "AND column_name = 'weight'").query(String.class).single()).isEqualTo("5");
        assertThat(count("SELECT count(*) FROM public.ash_schema_state")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT operations FROM public.ash_schema_state ORDER BY id").query(Integer.class).list())
                .containsExactly(1, 3);
    }

    @Test
    void aStartWithoutChangesAppliesAndRecordsNothing() {
        generate(V2);
        long changesets = generatedChangesets();
        generate(V2);
        assertThat(generatedChangesets()).isEqualTo(changesets);
        assertThat(count("SELECT count(*) FROM public.ash_schema_state")).isEqualTo(1);
    }

    @Test
    void aRemovedAttributeIsKeptWithAWarning(CapturedOutput output) {
        generate(V2);
        generate(V3);
        assertThat(columns()).contains("weight", "color");
        assertThat(output).contains("WARN").contains("kept the column public.gadgets.weight");
        long changesets = generatedChangesets();
        generate(V3); // and stays kept: no drop and no new run at the next start
        assertThat(columns()).contains("weight");
        assertThat(generatedChangesets()).isEqualTo(changesets);
    }

    @Test
    void aRunThatFailedHalfWayResumesAtTheFailedChangesetOnceTheCauseIsFixed() {
        generate(V1);
        // an object in the way of v2's index: the column is added, the index fails
        jdbc.sql("CREATE TABLE public.gadgets_name_index (id int)").update();
        runner(V2, "ash.migrations.mode=generate", "spring.liquibase.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("gadgets_name_index");
            assertThat(context.getStartupFailure()).hasMessageContaining("the migration resumes at the failed changeset");
        });
        assertThat(columns()).contains("color");
        assertThat(count("SELECT count(*) FROM public.ash_schema_state")).isEqualTo(1);
        jdbc.sql("DROP TABLE public.gadgets_name_index").update();
        generate(V2);
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'gadgets_name_index'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM public.ash_schema_state")).isEqualTo(2);
    }

    @Test
    void tablesCreatedBeforeTheStateWasRecordedAreAdoptedThenMigrated() {
        // tables made by something else (here the generator for tests), nothing recorded
        MigrationGenerator.createSchema(database.dataSource(), ResourceRegistry.of(
                io.ashspring.autoconfigure.fixtures.gadgets.v1.Gadget.class));
        generate(V1);
        assertThat(count("SELECT count(*) FROM public.ash_schema_state")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM databasechangelog WHERE filename = '" + AshSchemaInitializer.CHANGELOG_PATH
                + "' AND exectype = 'MARK_RAN'")).isEqualTo(1); // the table existed: taken as it is
        generate(V2);
        assertThat(columns()).containsExactly("id", "name", "weight", "color");
    }

    @Test
    void instancesStartingTogetherMigrateOneAfterTheOther() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> starts = List.of(1, 2, 3).stream().map(i -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            generate(V2);
        })).toList();
        start.countDown();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        assertThat(columns()).containsExactly("id", "name", "weight", "color");
        assertThat(count("SELECT count(*) FROM public.ash_schema_state")).isEqualTo(1);
    }

    @Test
    void verifyPassesWhenTheResourcesMatchTheCommittedStateAndThenAppliesTheChangelogs() {
        runner(V1, "ash.migrations.mode=verify", VERIFY_MASTER).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AshSchemaVerifier.class).hasSingleBean(AshRuntime.class)
                    .doesNotHaveBean(AshSchemaInitializer.class);
            assertThat(columns()).containsExactly("id", "name", "weight");
            assertThat(count("SELECT count(*) FROM databasechangelog WHERE id = '20260101000000_gadgets-1'")).isEqualTo(1);
        });
    }

    @Test
    void verifyRefusesToStartListingThePendingOperationsBeforeLiquibaseRuns() {
        runner(V2, "ash.migrations.mode=verify", VERIFY_MASTER).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigrationException.class)
                    .hasMessageContaining("ash.migrations.mode=verify: the resources differ from the committed changelogs "
                            + "(the state in classpath:/db/verify/ash-state/, 1 file)")
                    .hasMessageContaining("\n  1. ")
                    .hasMessageContaining("add column public.gadgets.color")
                    .hasMessageContaining("\n  2. ")
                    .hasMessageContaining("./mvnw ash:codegen -Dash.name=");
        });
        assertThat(exists("public.gadgets")).isFalse();
        assertThat(exists("public.databasechangelog")).isFalse();
    }

    @Test
    void verifyWithoutStateFilesReportsEveryTable() {
        runner(V1, "ash.migrations.mode=verify", "spring.liquibase.change-log=classpath:/db/test-master.yaml").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("(the state in classpath:/db/ash-state/, 0 files)")
                    .hasMessageContaining("1 pending migration step:\n  1. create table public.gadgets");
        });
    }

    @Test
    void anUnknownModeIsAClearErrorListingTheFourModes() {
        runner(V1, "ash.migrations.mode=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("ash.migrations.mode=sometimes is not a mode: use apply, generate, verify or none");
        });
    }

    @Test
    void aStateTableNameThatIsNoIdentifierIsAClearError() {
        runner(V1, "ash.migrations.mode=generate", "spring.liquibase.enabled=false", "ash.migrations.state-table=bad\"name").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("ash.migrations.state-table=bad\"name is not a table name");
        });
    }
}
