package io.ashspring.migrate;

import java.util.List;

/**
 * A migration could not be built or applied. When the cause is something the developer must decide
 * or fix (an ambiguous rename, a drop without opt-in, conflicting declarations, a broken state file),
 * {@link #problems()} lists each one with what resolves it.
 */
public class MigrationException extends RuntimeException {

    private final List<String> problems;

    /** A failure with a cause. */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** A failure with one message. */
    public MigrationException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** A failure listing every problem found, each with its fix. */
    public MigrationException(String summary, List<String> problems) {
        super(summary + ":\n" + String.join("\n", problems.stream().map(p -> "  - " + p.replace("\n", "\n    ")).toList()));
        this.problems = List.copyOf(problems);
    }

    /** The problems that must be resolved, empty when the failure is a single error. */
    public List<String> problems() {
        return problems;
    }
}
