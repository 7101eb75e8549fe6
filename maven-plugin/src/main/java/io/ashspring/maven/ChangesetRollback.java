package io.ashspring.maven;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.maven.plugin.MojoFailureException;

import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Rolls back the last changesets a database ran, newest first, through Liquibase's own rollback-count
 * command over the master changelog: each changeset runs its own rollback and leaves
 * {@code databasechangelog}, under Liquibase's lock.
 *
 * <p>Liquibase silently skips ran changesets its changelog does not hold and counts older ones instead,
 * so this checks first that the master changelog holds every one of the last N, and refuses otherwise.
 */
final class ChangesetRollback {

    /**
     * A changeset rolled back.
     *
     * @param id its id
     * @param comment what it did ({@code create table public.widgets})
     * @param changelog the changelog holding it, as recorded in {@code databasechangelog}
     */
    record RolledBack(String id, String comment, String changelog) {
    }

    private ChangesetRollback() {
    }

    /**
     * Rolls back the last {@code count} changesets the database ran.
     *
     * @param root the directory the master changelog's path is relative to (the class path root of the
     *             application, so that paths match those the application recorded)
     * @param master the master changelog, relative to {@code root}
     * @return the changesets rolled back, newest first
     * @throws MojoFailureException when the database ran fewer changesets, when the master changelog does
     *                              not hold one of them, or when a rollback fails
     */
    static List<RolledBack> rollBack(DatabaseTarget target, Path root, String master, int count)
            throws MojoFailureException {
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        ResourceAccessor accessor;
        try {
            accessor = new DirectoryResourceAccessor(root);
        } catch (java.io.FileNotFoundException e) {
            throw new MojoFailureException("No directory " + root + " to read the changelogs from", e);
        }
        // Liquibase's console messages go to its (quiet) log: the goal reports what it rolled back itself.
        Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), accessor, Scope.Attr.ui.name(),
                new LoggerUIService());
        List<RolledBack> rolledBack;
        try (Connection connection = target.dataSource().getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            rolledBack = Scope.child(scope, () -> {
                List<RolledBack> last = lastRan(database, parse(master, accessor, database), master, count, target);
                new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, master)
                        .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                        .execute();
                return last;
            });
        } catch (MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            throw new MojoFailureException("Could not roll back the last " + count + " changesets in " + target.display()
                    + ": " + rootMessage(e) + ". Liquibase rolls back each changeset in its own transaction: "
                    + "those before the failing one stay rolled back (see databasechangelog)", e);
        }
        checkGone(target, rolledBack);
        return rolledBack;
    }

    private static DatabaseChangeLog parse(String master, ResourceAccessor accessor, Database database) throws Exception {
        return ChangeLogParserFactory.getInstance().getParser(master, accessor)
                .parse(master, new ChangeLogParameters(database), accessor);
    }

    /** The last {@code count} changesets the database ran, newest first, each found in the changelog. */
    private static List<RolledBack> lastRan(Database database, DatabaseChangeLog changelog, String master, int count,
            DatabaseTarget target) throws Exception {
        List<RanChangeSet> ran = database.getRanChangeSetList();
        if (ran.size() < count) {
            throw new MojoFailureException(target.display() + " has run " + ran.size() + " changeset"
                    + (ran.size() == 1 ? "" : "s") + ": -Dash.step=" + count + " asks to roll back more. Nothing was rolled back");
        }
        List<RanChangeSet> last = new ArrayList<>(ran.subList(ran.size() - count, ran.size()));
        Collections.reverse(last);
        List<RolledBack> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (RanChangeSet changeSet : last) {
            ChangeSet declared = changelog.getChangeSet(changeSet);
            if (declared == null) {
                unknown.add("  - " + changeSet.getId() + " of " + changeSet.getChangeLog()
                        + (isStartupPath(changeSet.getChangeLog())
                        ? " (run at the application's start in generate mode, which keeps no changelog file)" : ""));
            } else {
                found.add(new RolledBack(changeSet.getId(), Objects.toString(declared.getComments(), ""), changeSet.getChangeLog()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new MojoFailureException("-Dash.step=" + count + " reaches changesets that " + master
                    + " does not hold:\n" + String.join("\n", unknown) + "\nLiquibase would skip them and roll back older "
                    + "changesets instead, so nothing was rolled back. Run the goal from the project whose changelogs "
                    + target.display() + " ran, or lower -Dash.step");
        }
        return found;
    }

    // The in-memory changelogs the application runs at startup: ash/generate (generate mode), ash/startup (adoption).
    private static boolean isStartupPath(String changelog) {
        return changelog != null && changelog.startsWith("ash/");
    }

    /** Liquibase can log a failed rollback and carry on: make sure the changesets are gone from databasechangelog. */
    private static void checkGone(DatabaseTarget target, List<RolledBack> rolledBack) throws MojoFailureException {
        try (Connection connection = target.dataSource().getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            List<String> left = database.getRanChangeSetList().stream().map(RanChangeSet::getId)
                    .filter(id -> rolledBack.stream().anyMatch(r -> r.id().equals(id))).toList();
            if (!left.isEmpty()) {
                throw new MojoFailureException("Liquibase did not roll back " + String.join(", ", left) + " in "
                        + target.display() + ": they are still recorded in databasechangelog");
            }
        } catch (SQLException | liquibase.exception.DatabaseException e) {
            throw new MojoFailureException("Rolled back, but could not read databasechangelog again in " + target.display()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
