package io.ashspring.migrate.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ashspring.migrate.operation.Operation;

/**
 * What a codegen run did or would do.
 *
 * @param outcome the kind of result
 * @param operations the pending operations, in the order they run (empty when there are none)
 * @param changelogFile the changelog file written or that would be written, or {@code null}
 * @param changelogText the changelog's text (written, or printed by a dry run), or {@code null}
 * @param writtenFiles the files written, in order (changelog, state, and the master when it was created)
 * @param warnings what a reviewer should look at: destructive steps, kept columns, skipped resources
 * @param problems (check only) what must be resolved first: ambiguous renames, drops without opt-in
 * @param devSquash the dev runs a named run replaced (or, for check and dry runs, would replace), or {@code null}
 */
public record CodegenResult(Outcome outcome, List<Operation> operations, Path changelogFile, String changelogText,
                            List<Path> writtenFiles, List<String> warnings, List<String> problems, DevSquash devSquash) {

    /**
     * The dev runs ({@code -Dash.dev=true}) squashed into a named one: their changelogs are replaced by the
     * named changelog, which makes everything they made, and deleted.
     *
     * @param changelogs the dev changelogs, oldest first, relative to the changelog directory
     * @param rolledBack the changesets rolled back in the given database, newest first; {@code null} when no
     *                   database was given (nothing rolled back), or for check and dry runs
     * @param rerun the command of a named run that rolls them back in a database first
     * @param deleted the files deleted (changelogs and state files); empty for check and dry runs
     */
    public record DevSquash(List<String> changelogs, List<String> rolledBack, String rerun, List<Path> deleted) {

        /** Canonical constructor: copies. */
        public DevSquash {
            changelogs = List.copyOf(changelogs);
            deleted = List.copyOf(deleted);
            rolledBack = rolledBack == null ? null : List.copyOf(rolledBack);
        }
    }

    /** The message of a run that found nothing to do. */
    public static final String NO_CHANGES = "No changes detected";

    private static final String NOTHING_LEFT = "The dev migrations made nothing that remains: no named changelog is needed";

    /** What a run did. */
    public enum Outcome {
        /** The resources match the recorded state; nothing written (but dev runs deleted when {@link #devSquash()} says so). */
        NO_CHANGES,
        /** A changelog and its state were written (replacing the dev runs when {@link #devSquash()} says so). */
        WRITTEN,
        /** Check mode: operations are pending (a CI build should fail). */
        PENDING,
        /** Check mode: changes are pending and need a decision (a rename or drop) before they can be generated. */
        UNRESOLVED,
        /** Dry run: the changelog was rendered, not written. */
        DRY_RUN
    }

    /** Canonical constructor: copies. */
    public CodegenResult {
        operations = List.copyOf(operations);
        writtenFiles = List.copyOf(writtenFiles);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    /**
     * Whether the resources differ from the recorded state, or dev runs are (or were) squashed: the check
     * mode's failure, since a build must never accept dev migrations.
     */
    public boolean hasChanges() {
        return !operations.isEmpty() || !problems.isEmpty() || devSquash != null;
    }

    /** A human-readable report: "No changes detected", or the operations, warnings and problems. */
    public String report() {
        if (!hasChanges()) {
            return NO_CHANGES;
        }
        List<String> lines = new ArrayList<>();
        String squash = devSquash == null ? "" : ", replacing " + count(devSquash.changelogs().size(), "dev migration");
        switch (outcome) {
            case WRITTEN -> lines.add("Generated " + changelogFile + " (" + count(operations.size(), "changeset") + squash + "):");
            case DRY_RUN -> lines.add(changelogFile == null ? NOTHING_LEFT
                    : "Would generate " + changelogFile + " (" + count(operations.size(), "changeset") + squash + "):");
            case NO_CHANGES -> lines.add(NOTHING_LEFT);
            default -> {
                if (devSquash != null) {
                    lines.add("pending: squash " + count(devSquash.changelogs().size(), "dev migration") + " into a named one ("
                            + devSquash.rerun() + ")");
                }
                lines.add(count(operations.size(), "pending migration step") + (problems.isEmpty() ? ":"
                        : " and " + count(problems.size(), "decision") + " to make:"));
            }
        }
        for (int i = 0; i < operations.size(); i++) {
            lines.add("  " + (i + 1) + ". " + operations.get(i).describe());
        }
        problems.forEach(p -> lines.add("  ? " + p));
        if (devSquash != null) {
            devSquash(lines);
        }
        if (!warnings.isEmpty()) {
            lines.add("Review:");
            warnings.forEach(w -> lines.add("  ! " + w));
        }
        return String.join("\n", lines);
    }

    private void devSquash(List<String> lines) {
        boolean done = outcome == Outcome.WRITTEN || outcome == Outcome.NO_CHANGES;
        lines.add(done ? "Deleted the dev migrations it replaces:" : "Dev migrations " + (outcome == Outcome.DRY_RUN
                ? "it would replace (and delete):" : "to squash:"));
        devSquash.changelogs().forEach(c -> lines.add("  - " + c));
        if (!done) {
            return;
        }
        if (devSquash.rolledBack() != null) {
            lines.add(devSquash.rolledBack().isEmpty() ? "The database given had run none of their changesets: nothing to roll back"
                    : "Rolled back in the database given (newest first): " + String.join(", ", devSquash.rolledBack()));
        } else {
            lines.add("No database was given (-Dash.url), so nothing was rolled back: a database that ran them still has "
                    + "their changes and the named changelog fails there. Recreate it (the embedded database without "
                    + "ash.embedded.data-directory is recreated at each start: nothing to do). A named run given the database "
                    + "rolls them back there before it deletes them: " + devSquash.rerun());
        }
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
