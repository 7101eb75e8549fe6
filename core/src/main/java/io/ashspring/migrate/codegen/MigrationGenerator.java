package io.ashspring.migrate.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.ashspring.migrate.LiquibaseMigrator;
import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.MigrationHints;
import io.ashspring.migrate.Prompter;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.diff.DropPolicy;
import io.ashspring.migrate.liquibase.ChangelogBuilder;
import io.ashspring.migrate.liquibase.ChangelogSerializer;
import io.ashspring.migrate.liquibase.MasterChangelog;
import io.ashspring.migrate.liquibase.TenantSchemaParameter;
import io.ashspring.migrate.state.RecordedState;
import io.ashspring.migrate.state.StateChange;
import io.ashspring.migrate.state.StateDirectory;
import io.ashspring.resource.ResourceRegistry;

import liquibase.changelog.DatabaseChangeLog;

/**
 * Generates Liquibase changelogs from the resources: the heart of {@code ash:codegen}.
 *
 * <pre>{@code
 * MigrationGenerator generator = new MigrationGenerator(CodegenOptions.defaults().withName("add_priority"));
 * CodegenResult result = generator.generate(registry);
 * System.out.println(result.report());   // "No changes detected", or what was written and what to review
 * }</pre>
 *
 * Each run reads the recorded state (the state files under {@code ash-state/}, folded in order), diffs
 * it against the table model of the resources, orders the operations, and writes two new files: the
 * changelog {@code migrations/<timestamp>_<name>.yaml} (one changeset per operation, each with its
 * rollback) and {@code ash-state/<timestamp>_<name>.json} (what this run changed). It never edits a
 * file it wrote before; the master changelog is created once. A run that would have to guess a rename
 * or drop something without an opt-in writes nothing and throws a {@link MigrationException} listing
 * each decision and the hint that makes it.
 *
 * <p>A dev run ({@link CodegenOptions#dev()}) writes {@code <timestamp>_<name>_dev} files, its state marked
 * {@code "dev": true}; dev runs chain, each diffing against the state with the earlier ones. The next
 * named run squashes them: it diffs against the state without them, so its one changelog makes what they
 * made and what changed since, rolls their changesets back in {@link CodegenOptions#database()} when one
 * is given, and deletes their files. {@link #check(ResourceRegistry)} reports dev runs as pending.
 */
public final class MigrationGenerator {

    /** The folder of the tenant changelog tree, under the changelog directory. */
    public static final String TENANTS_FOLDER = "tenants";

    private final CodegenOptions options;
    /** Whether this generator writes the tenant tree ({@link #forTenants()}). */
    private final boolean tenants;

    /** A generator with these options. */
    public MigrationGenerator(CodegenOptions options) {
        this(options, false);
    }

    private MigrationGenerator(CodegenOptions options, boolean tenants) {
        this.options = options;
        this.tenants = tenants;
    }

    /**
     * The generator of the tenant changelog tree: the tables of the resources with a schema per tenant
     * ({@code @Multitenancy(strategy = CONTEXT)}), in {@code tenants/} under the changelog directory with a master
     * changelog, {@code migrations/} and {@code ash-state/} of their own. The schema is the Liquibase parameter
     * {@code ${tenantSchema}} (in {@code schemaName} attributes and raw SQL), filled for each tenant by
     * {@code io.ashspring.migrate.tenant.TenantMigrator}. {@code ash:codegen} runs both generators.
     *
     * <pre>{@code
     * MigrationGenerator global = new MigrationGenerator(options);
     * global.generate(registry);               // db/changelog/migrations/...
     * global.forTenants().generate(registry);  // db/changelog/tenants/migrations/...
     * }</pre>
     */
    public MigrationGenerator forTenants() {
        if (tenants) {
            return this;
        }
        // dev changesets of tenant schemas are not rolled back in a database: they ran in every tenant's schema
        return new MigrationGenerator(options.withChangelogDirectory(options.changelogDirectory().resolve(TENANTS_FOLDER))
                .withDatabase(null), true);
    }

    /** Whether the registry has resources with a schema per tenant, whose tables {@link #forTenants()} generates. */
    public static boolean hasTenantTables(ResourceRegistry registry) {
        return registry.resources().stream().anyMatch(r -> r.tenancy().bySchema());
    }

    private TableModel model(ResourceRegistry registry) {
        return tenants ? TableModel.forTenants(registry) : TableModel.from(registry, options.extensions());
    }

    /**
     * Writes the changelog and state for the differences between the resources and the recorded state.
     *
     * @throws MigrationException when a decision is needed (listing each), the name is missing, or a state file is broken
     */
    public CodegenResult generate(ResourceRegistry registry) {
        return generate(model(registry), MigrationHints.from(registry));
    }

    /** {@link #generate(ResourceRegistry)} for a table model built by other means (tests, tools). */
    public CodegenResult generate(TableModel target, MigrationHints hints) {
        StateDirectory states = new StateDirectory(options.stateDirectory());
        DevRuns devRuns = DevRuns.of(states);
        Plan plan = plan(target, hints, devRuns).requireResolved();
        boolean squash = !options.dev() && devRuns.any();
        String stateOnly = StateChange.between(plan.recorded(), plan.next(), null, options.dev());
        if (plan.operations().isEmpty() && stateOnly == null && !squash) {
            return new CodegenResult(CodegenResult.Outcome.NO_CHANGES, List.of(), null, null, List.of(), plan.diff().warnings(),
                    List.of(), null);
        }
        // everything that can fail without touching anything first: the name, the rendering
        String run = runName();
        String fileName = run + "." + options.format().extension();
        String text = plan.operations().isEmpty() ? null : render(plan, run, fileName);
        List<String> rolledBack = squash && options.database() != null
                ? LiquibaseMigrator.rollback(options.database(), options.changelogDirectory(), devRuns.changelogs()) : null;
        List<Path> written = new ArrayList<>();
        List<String> warnings = new ArrayList<>(plan.diff().warnings());
        Path changelog = null;
        if (text != null) {
            changelog = write(options.migrationsDirectory().resolve(fileName), text);
            written.add(changelog);
            written.add(states.write(run + ".json", StateChange.between(plan.recorded(), plan.next(),
                    MasterChangelog.MIGRATIONS_FOLDER + "/" + fileName, options.dev())));
            ensureMaster(written, warnings);
        } else if (stateOnly != null) { // a declined drop to remember, nothing to migrate
            written.add(states.write(run + ".json", stateOnly));
        }
        CodegenResult.DevSquash squashed = null;
        if (squash) {
            List<Path> deleted = devRuns.delete(options.changelogDirectory(), states);
            squashed = new CodegenResult.DevSquash(devRuns.changelogs(), rolledBack, rerun(options.name()), deleted);
        }
        return new CodegenResult(text == null ? CodegenResult.Outcome.NO_CHANGES : CodegenResult.Outcome.WRITTEN,
                plan.operations(), changelog, text, written, warnings, List.of(), squashed);
    }

    /**
     * What {@link #generate(ResourceRegistry)} would do, writing nothing and asking nobody; for CI
     * ({@code -Dash.check=true}): fail the build when {@link CodegenResult#hasChanges()}.
     */
    public CodegenResult check(ResourceRegistry registry) {
        return check(model(registry), MigrationHints.from(registry));
    }

    /** {@link #check(ResourceRegistry)} for a table model built by other means. */
    public CodegenResult check(TableModel target, MigrationHints hints) {
        DevRuns devRuns = DevRuns.of(new StateDirectory(options.stateDirectory()));
        // what the next named run would write: dev runs never count as done, so CI never accepts them
        return check(devRuns.base(false), target, hints, options.dropPolicy(),
                devRuns.any() ? new CodegenResult.DevSquash(devRuns.changelogs(), null, rerun(null), List.of()) : null);
    }

    /**
     * {@link #check(ResourceRegistry)} against a recorded state read by other means, for the {@code verify}
     * startup mode (which reads the committed state files from the classpath): drops are not allowed, so a
     * removed attribute is reported as a decision to make.
     *
     * @param recorded the committed state ({@code StateFolder.fold} of the state files)
     * @param registry the resources
     * @param extensions extensions from configuration ({@code ash.extensions})
     */
    public static CodegenResult check(RecordedState recorded, ResourceRegistry registry, java.util.Collection<String> extensions) {
        return check(recorded, TableModel.from(registry, extensions), MigrationHints.from(registry), DropPolicy.FAIL, null);
    }

    private static CodegenResult check(RecordedState recorded, TableModel target, MigrationHints hints, DropPolicy policy,
                                       CodegenResult.DevSquash devSquash) {
        // never asks, so that CI neither blocks nor crashes on a rename question: undecided changes are reported
        Plan plan = Plan.of(recorded, target, hints, policy, Prompter.nonInteractive());
        CodegenResult.Outcome outcome = !plan.diff().resolved() ? CodegenResult.Outcome.UNRESOLVED
                : plan.operations().isEmpty() && devSquash == null ? CodegenResult.Outcome.NO_CHANGES : CodegenResult.Outcome.PENDING;
        return new CodegenResult(outcome, plan.operations(), null, null, List.of(), plan.diff().warnings(), plan.diff().problems(),
                devSquash);
    }

    /**
     * Renders the changelog that {@link #generate(ResourceRegistry)} would write, writing nothing.
     *
     * @throws MigrationException when a decision is needed
     */
    public CodegenResult dryRun(ResourceRegistry registry) {
        return dryRun(model(registry), MigrationHints.from(registry));
    }

    /** {@link #dryRun(ResourceRegistry)} for a table model built by other means. */
    public CodegenResult dryRun(TableModel target, MigrationHints hints) {
        DevRuns devRuns = DevRuns.of(new StateDirectory(options.stateDirectory()));
        Plan plan = plan(target, hints, devRuns).requireResolved();
        CodegenResult.DevSquash squash = !options.dev() && devRuns.any()
                ? new CodegenResult.DevSquash(devRuns.changelogs(), null, rerun(options.name()), List.of()) : null;
        if (plan.operations().isEmpty()) {
            return new CodegenResult(squash == null ? CodegenResult.Outcome.NO_CHANGES : CodegenResult.Outcome.DRY_RUN, List.of(),
                    null, null, List.of(), plan.diff().warnings(), List.of(), squash);
        }
        String run = runName();
        String fileName = run + "." + options.format().extension();
        return new CodegenResult(CodegenResult.Outcome.DRY_RUN, plan.operations(), options.migrationsDirectory().resolve(fileName),
                render(plan, run, fileName), List.of(), plan.diff().warnings(), List.of(), squash);
    }

    /**
     * A migration in memory from a recorded state to the resources, for the {@code generate} startup
     * mode: it never drops (what disappeared is kept, with a warning) and never asks, so it can take an
     * empty database, or one generated by an older version of the resources, to the current model.
     *
     * @param recorded the state the database is in ({@link RecordedState#empty()} for an empty database)
     * @param registry the resources
     * @param extensions extensions from configuration
     * @param changelogPath the path Liquibase records for these changesets
     * @param runId a prefix making the changeset ids unique (e.g. a timestamp)
     */
    public static InMemoryMigration inMemory(RecordedState recorded, ResourceRegistry registry, java.util.Collection<String> extensions,
                                             String changelogPath, String runId) {
        return inMemory(recorded, TableModel.from(registry, extensions), MigrationHints.from(registry), changelogPath, runId);
    }

    /** {@link #inMemory(RecordedState, ResourceRegistry, java.util.Collection, String, String)} for a table model built already. */
    public static InMemoryMigration inMemory(RecordedState recorded, TableModel target, MigrationHints hints, String changelogPath,
                                             String runId) {
        Plan plan = Plan.of(recorded, target, hints, DropPolicy.SKIP, Prompter.nonInteractive()).requireResolved();
        String snapshot = StateChange.between(RecordedState.empty(), plan.next(), null);
        return new InMemoryMigration(ChangelogBuilder.build(changelogPath, runId, plan.operations()), plan.operations(),
                plan.next(), snapshot == null ? "" : snapshot, plan.diff().warnings());
    }

    /** The changelog path Liquibase records for the changesets of {@link #createSchema}. */
    public static final String SCHEMA_CHANGELOG_PATH = "ash/schema";

    /**
     * Creates the schema of the resources in a database that has none of it yet (a test's, a benchmark's): the
     * migration from an empty state ({@link #inMemory}), applied through Liquibase under the path
     * {@value #SCHEMA_CHANGELOG_PATH}. Applying the same resources again changes nothing. An application keeps its
     * schema with {@code ash:codegen} or a startup mode ({@code ash.migrations.mode}) instead.
     *
     * <pre>{@code
     * MigrationGenerator.createSchema(database.dataSource(), ResourceRegistry.of(Ticket.class, Comment.class));
     * }</pre>
     *
     * @param extensions extensions to create besides those the resources imply
     * @return the migration that was applied
     * @throws MigrationException naming the changeset that failed (for example: a table of the resources exists already)
     */
    public static InMemoryMigration createSchema(DataSource dataSource, ResourceRegistry registry, String... extensions) {
        InMemoryMigration migration = inMemory(RecordedState.empty(), registry, List.of(extensions), SCHEMA_CHANGELOG_PATH,
                "schema");
        // changeset ids from the model: other resources created in the same database get changesets of their own
        String runId = "schema-" + Integer.toHexString(migration.stateJson().hashCode());
        LiquibaseMigrator.apply(dataSource, ChangelogBuilder.build(SCHEMA_CHANGELOG_PATH, runId, migration.operations()));
        return migration;
    }

    private Plan plan(TableModel target, MigrationHints hints, DevRuns devRuns) {
        return Plan.of(devRuns.base(options.dev()), target, hints, options.dropPolicy(), options.prompter());
    }

    /** The command of a named run that squashes the dev runs, rolling them back in a database first. */
    private static String rerun(String name) {
        return "./mvnw ash:codegen -Dash.name=" + (name == null ? "<what_it_does>" : name)
                + " -Dash.url=jdbc:postgresql://<host>:<port>/<database> -Dash.username=<user> -Dash.password=<password>";
    }

    private String render(Plan plan, String run, String fileName) {
        String path = "db/changelog/" + (tenants ? TENANTS_FOLDER + "/" : "") + MasterChangelog.MIGRATIONS_FOLDER + "/" + fileName;
        DatabaseChangeLog changelog = ChangelogBuilder.build(path, run, plan.operations());
        return ChangelogSerializer.serialize(tenants ? TenantSchemaParameter.parameterize(changelog) : changelog, options.format());
    }

    private String runName() {
        List<String> existing = new ArrayList<>(names(options.stateDirectory()));
        existing.addAll(names(options.migrationsDirectory()));
        return RunName.of(options.name(), options.dev(), options.clock(), existing);
    }

    private void ensureMaster(List<Path> written, List<String> warnings) {
        Path master = options.masterChangelog();
        try {
            if (!Files.exists(master)) {
                written.add(write(master, MasterChangelog.content()));
            } else if (!MasterChangelog.includesMigrations(Files.readString(master, StandardCharsets.UTF_8))) {
                warnings.add(master + " does not include " + MasterChangelog.MIGRATIONS_FOLDER + "/: add an includeAll of it "
                        + "(path: " + MasterChangelog.MIGRATIONS_FOLDER + "/, relativeToChangelogFile: true) or the generated "
                        + "changelogs never run");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + master, e);
        }
    }

    private static List<String> names(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory, e);
        }
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
