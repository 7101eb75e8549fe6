package io.ashspring.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.migrate.codegen.CodegenOptions;
import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.DirectoryResourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project directory and a fresh database for codegen scenarios: generate a changelog from some
 * resources, apply it with Liquibase through the master changelog, and prove every changeset rolls
 * back to exactly the catalog before it ran.
 */
final class CodegenHarness {

    // kept referenced: java.util.logging forgets levels of loggers that are collected
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    final Path directory;
    final TestDatabase database;
    final JdbcClient jdbc;
    final Catalog catalog;
    private int runs;
    private int lastChangesets;

    CodegenHarness(Path directory) {
        this(directory, TestDatabases.fresh());
    }

    CodegenHarness(Path directory, TestDatabase database) {
        this.directory = directory;
        this.database = database;
        this.jdbc = JdbcClient.create(database.dataSource());
        this.catalog = new Catalog(jdbc);
    }

    /** Options of the next run: this directory, the name, and a clock one minute after the previous run. */
    CodegenOptions options(String name) {
        Instant time = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(runs));
        return CodegenOptions.defaults().withChangelogDirectory(directory).withName(name)
                .withClock(Clock.fixed(time, ZoneOffset.UTC));
    }

    MigrationGenerator generator(String name) {
        return new MigrationGenerator(options(name));
    }

    CodegenResult generate(String name, Class<?>... resources) {
        return generate(name, o -> o, resources);
    }

    CodegenResult generate(String name, UnaryOperator<CodegenOptions> customize, Class<?>... resources) {
        return generate(name, customize, ResourceRegistry.of(resources));
    }

    CodegenResult generate(String name, UnaryOperator<CodegenOptions> customize, ResourceRegistry registry) {
        CodegenResult result = new MigrationGenerator(customize.apply(options(name))).generate(registry);
        runs++;
        lastChangesets = result.operations().size();
        return result;
    }

    /**
     * Generates, applies, rolls back (checking the catalog is as before), applies again (checking it
     * is as after), and checks that a second run over the same resources reports no changes.
     */
    CodegenResult migrate(String name, Class<?>... resources) {
        return migrate(name, o -> o, resources);
    }

    CodegenResult migrate(String name, UnaryOperator<CodegenOptions> customize, Class<?>... resources) {
        return migrate(name, customize, ResourceRegistry.of(resources));
    }

    CodegenResult migrate(String name, UnaryOperator<CodegenOptions> customize, ResourceRegistry registry) {
        List<String> before = catalog.snapshot();
        CodegenResult result = generate(name, customize, registry);
        assertThat(result.outcome()).as(result.report()).isEqualTo(CodegenResult.Outcome.WRITTEN);
        apply();
        List<String> after = catalog.snapshot();
        rollbackLast();
        assertThat(catalog.snapshot()).as("the catalog after rolling back " + result.changelogFile()).isEqualTo(before);
        apply();
        assertThat(catalog.snapshot()).as("the catalog after applying again").isEqualTo(after);
        CodegenResult again = new MigrationGenerator(customize.apply(options(name + "_again"))).check(registry);
        assertThat(again.report()).as("a second run").isEqualTo(CodegenResult.NO_CHANGES);
        return result;
    }

    /** Counts a run made outside this harness (its clock and its changesets for {@link #rollbackLast()}). */
    void noteRun(CodegenResult result) {
        runs++;
        lastChangesets = result.operations().size();
    }

    /** Runs every changeset not yet run, through the master changelog. */
    void apply() {
        liquibase(liquibase -> liquibase.update(new Contexts()));
    }

    /** Rolls back the changesets of the last generated changelog. */
    void rollbackLast() {
        int count = lastChangesets;
        liquibase(liquibase -> liquibase.rollback(count, (String) null));
    }

    private void liquibase(LiquibaseAction action) {
        try (Connection connection = database.dataSource().getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // the master keeps its path while its included files change: never trust "up to date" from earlier
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            action.run(new Liquibase("db.changelog-master.yaml", new DirectoryResourceAccessor(directory), db));
        } catch (LiquibaseException | SQLException | java.io.FileNotFoundException e) {
            throw new IllegalStateException("Liquibase failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface LiquibaseAction {
        void run(Liquibase liquibase) throws LiquibaseException;
    }

    /** The operations of a run, described one per line, in order. */
    static java.util.List<String> steps(io.ashspring.migrate.codegen.CodegenResult result) {
        return result.operations().stream().map(io.ashspring.migrate.operation.Operation::describe).toList();
    }
}
