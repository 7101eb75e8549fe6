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
 */
public record CodegenResult(Outcome outcome, List<Operation> operations, Path changelogFile, String changelogText,
                            List<Path> writtenFiles, List<String> warnings, List<String> problems) {

    /** The message of a run that found nothing to do. */
    public static final String NO_CHANGES = "No changes detected";

    /** What a run did. */
    public enum Outcome {
        /** The resources match the recorded state; nothing written. */
        NO_CHANGES,
        /** A changelog and its state were written. */
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

    /** Whether the resources differ from the recorded state (the check mode's failure). */
    public boolean hasChanges() {
        return !operations.isEmpty() || !problems.isEmpty();
    }

    /** A human-readable report: "No changes detected", or the operations, warnings and problems. */
    public String report() {
        if (!hasChanges()) {
            return NO_CHANGES;
        }
        List<String> lines = new ArrayList<>();
        switch (outcome) {
            case WRITTEN -> lines.add("Generated " + changelogFile + " (" + count(operations.size(), "changeset") + "):");
            case DRY_RUN -> lines.add("Would generate " + changelogFile + " (" + count(operations.size(), "changeset") + "):");
            default -> lines.add(count(operations.size(), "pending migration step") + (problems.isEmpty() ? ":"
                    : " and " + count(problems.size(), "decision") + " to make:"));
        }
        for (int i = 0; i < operations.size(); i++) {
            lines.add("  " + (i + 1) + ". " + operations.get(i).describe());
        }
        problems.forEach(p -> lines.add("  ? " + p));
        if (!warnings.isEmpty()) {
            lines.add("Review:");
            warnings.forEach(w -> lines.add("  ! " + w));
        }
        return String.join("\n", lines);
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
