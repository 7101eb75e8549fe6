package io.ashspring.migrate.codegen;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.ashspring.migrate.Prompter;
import io.ashspring.migrate.diff.DropPolicy;
import io.ashspring.migrate.liquibase.ChangelogFormat;
import io.ashspring.migrate.liquibase.MasterChangelog;

/**
 * The inputs of a codegen run. Start from {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * CodegenOptions options = CodegenOptions.defaults()
 *         .withName("add_priority")
 *         .withChangelogDirectory(project.resolve("src/main/resources/db/changelog"))
 *         .withAllowDrops(false)
 *         .withExtensions(Set.of("pg_trgm"));
 * }</pre>
 *
 * Under the changelog directory: {@code db.changelog-master.yaml} (created if missing), the generated
 * changelogs in {@code migrations/}, and the recorded state in {@code ash-state/}.
 *
 * @param changelogDirectory where the master changelog lives ({@code src/main/resources/db/changelog})
 * @param name the run's name, part of the file names ({@code add_priority}); required to write, except for a dev run
 * @param format YAML (default) or XML
 * @param allowDrops {@code true}: tables, columns and extensions that disappeared are dropped (with review warnings)
 * @param extensions extensions from configuration ({@code ash.extensions}), added to those the resources declare
 * @param prompter who answers rename and drop questions ({@link Prompter#nonInteractive()}: nobody, ambiguity fails)
 * @param clock the clock of the file timestamps (UTC)
 * @param dev {@code true}: a throw-away dev run ({@code <timestamp>_<name>_dev}, name optional), squashed by the next
 *            named run; {@code false}: a named run, which squashes the dev runs recorded so far
 * @param database a database that may have run the dev changesets, or {@code null}: a named run rolls them back
 *                 there (newest first) before it deletes their files
 */
public record CodegenOptions(Path changelogDirectory, String name, ChangelogFormat format, boolean allowDrops,
                             Set<String> extensions, Prompter prompter, Clock clock, boolean dev, DataSource database) {

    /** The default changelog directory of a Maven project, relative to its base directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("src", "main", "resources", "db", "changelog");

    /** The folder of state files, under the changelog directory. */
    public static final String STATE_FOLDER = "ash-state";

    /** Canonical constructor: copies; fills defaults for what is {@code null}. */
    public CodegenOptions {
        changelogDirectory = changelogDirectory == null ? DEFAULT_DIRECTORY : changelogDirectory;
        format = format == null ? ChangelogFormat.YAML : format;
        extensions = extensions == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(extensions));
        prompter = prompter == null ? Prompter.nonInteractive() : prompter;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** YAML into {@code src/main/resources/db/changelog}, no drops, nobody to ask, no name yet. */
    public static CodegenOptions defaults() {
        return new CodegenOptions(null, null, null, false, null, null, null, false, null);
    }

    /** With another changelog directory. */
    public CodegenOptions withChangelogDirectory(Path value) {
        return new CodegenOptions(value, name, format, allowDrops, extensions, prompter, clock, dev, database);
    }

    /** With a run name. */
    public CodegenOptions withName(String value) {
        return new CodegenOptions(changelogDirectory, value, format, allowDrops, extensions, prompter, clock, dev, database);
    }

    /** With another format. */
    public CodegenOptions withFormat(ChangelogFormat value) {
        return new CodegenOptions(changelogDirectory, name, value, allowDrops, extensions, prompter, clock, dev, database);
    }

    /** With drops allowed or not. */
    public CodegenOptions withAllowDrops(boolean value) {
        return new CodegenOptions(changelogDirectory, name, format, value, extensions, prompter, clock, dev, database);
    }

    /** With extensions from configuration. */
    public CodegenOptions withExtensions(Collection<String> value) {
        return new CodegenOptions(changelogDirectory, name, format, allowDrops, Set.copyOf(value), prompter, clock, dev, database);
    }

    /** With a prompter. */
    public CodegenOptions withPrompter(Prompter value) {
        return new CodegenOptions(changelogDirectory, name, format, allowDrops, extensions, value, clock, dev, database);
    }

    /** With a clock. */
    public CodegenOptions withClock(Clock value) {
        return new CodegenOptions(changelogDirectory, name, format, allowDrops, extensions, prompter, value, dev, database);
    }

    /** As a dev run ({@code -Dash.dev=true}) or a named one. */
    public CodegenOptions withDev(boolean value) {
        return new CodegenOptions(changelogDirectory, name, format, allowDrops, extensions, prompter, clock, value, database);
    }

    /** With a database whose dev changesets a named run rolls back ({@code -Dash.url}), or none ({@code null}). */
    public CodegenOptions withDatabase(DataSource value) {
        return new CodegenOptions(changelogDirectory, name, format, allowDrops, extensions, prompter, clock, dev, value);
    }

    /** The master changelog file. */
    public Path masterChangelog() {
        return changelogDirectory.resolve(MasterChangelog.FILE_NAME);
    }

    /** The folder of generated changelogs. */
    public Path migrationsDirectory() {
        return changelogDirectory.resolve(MasterChangelog.MIGRATIONS_FOLDER);
    }

    /** The folder of state files. */
    public Path stateDirectory() {
        return changelogDirectory.resolve(STATE_FOLDER);
    }

    /** The drop policy these options mean. */
    public DropPolicy dropPolicy() {
        return allowDrops ? DropPolicy.ALLOW : DropPolicy.FAIL;
    }
}
