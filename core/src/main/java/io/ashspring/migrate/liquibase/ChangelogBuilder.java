package io.ashspring.migrate.liquibase;

import java.util.List;

import io.ashspring.migrate.operation.Operation;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.ObjectQuotingStrategy;

/**
 * Groups ordered operations into changesets: one per operation, so that each is reviewed, applied
 * and rolled back on its own; its rollback is the rendering of the operation's inverse. An operation
 * that cannot run in a transaction ({@code CONCURRENTLY}) gets {@code runInTransaction: false}.
 */
public final class ChangelogBuilder {

    /** The author recorded on generated changesets. */
    public static final String AUTHOR = "ash";

    private ChangelogBuilder() {
    }

    /**
     * A changelog of the operations, in order.
     *
     * @param path the changelog's path (recorded by Liquibase with each changeset)
     * @param idPrefix the changeset id prefix, unique per run (ids are {@code <prefix>-1}, {@code <prefix>-2}, ...)
     * @param operations the sorted operations
     */
    public static DatabaseChangeLog build(String path, String idPrefix, List<Operation> operations) {
        return build(path, idPrefix, operations, false);
    }

    /**
     * {@link #build} for taking over a database whose tables exist already: a changeset that creates a table,
     * foreign key, index or check is marked as ran, without running, when that object exists.
     */
    public static DatabaseChangeLog adopting(String path, String idPrefix, List<Operation> operations) {
        return build(path, idPrefix, operations, true);
    }

    private static DatabaseChangeLog build(String path, String idPrefix, List<Operation> operations, boolean adopting) {
        DatabaseChangeLog changelog = new DatabaseChangeLog(path);
        int number = 0;
        for (Operation operation : operations) {
            number++;
            ChangeSet set = new ChangeSet(idPrefix + "-" + number, AUTHOR, false, false, path, null, null,
                    !ChangeRenderer.nonTransactional(operation), ObjectQuotingStrategy.QUOTE_ALL_OBJECTS, changelog);
            set.setComments(operation.describe());
            if (adopting) {
                set.setPreconditions(UnlessExists.of(operation));
            }
            for (Change change : ChangeRenderer.changes(operation)) {
                set.addChange(change);
            }
            for (Change change : ChangeRenderer.changes(operation.inverse())) {
                set.addRollbackChange(change);
            }
            changelog.addChangeSet(set);
        }
        return changelog;
    }
}
