package io.ashspring.migrate;

import java.util.List;
import java.util.Optional;

/**
 * Answers the questions the generator never guesses: whether something that disappeared was renamed,
 * and whether something that disappeared may be dropped. A console implementation (the Maven plugin,
 * when a terminal is attached) asks the developer; {@link #nonInteractive()} asks nobody, and then an
 * ambiguous change or an unapproved drop fails the run with a list of what to declare instead.
 */
public interface Prompter {

    /** Whether questions can be answered; when {@code false}, the ask methods are never called. */
    boolean interactive();

    /**
     * Was {@code question.added()} renamed from one of the candidates?
     *
     * @return the chosen candidate, or empty: none, it is new
     */
    Optional<String> askRename(RenameQuestion question);

    /**
     * May this be dropped (its data is lost)?
     *
     * @return {@code true} to drop; {@code false} keeps it (a kept table is remembered and not asked about again)
     */
    boolean askDrop(DropQuestion question);

    /** A prompter for CI, builds and startup: asks nothing. */
    static Prompter nonInteractive() {
        return NonInteractivePrompter.INSTANCE;
    }

    /** What a rename or drop is about. */
    enum Subject {
        /** A table (or a table moved to another schema). */
        TABLE,
        /** A column of a table. */
        COLUMN,
        /** An installed extension. */
        EXTENSION;

        /** Lower-case label for messages. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * "Is {@code added} a rename of one of {@code candidates}?"
     *
     * @param subject tables or columns
     * @param scope the table for a column question, the schema for a table question
     * @param added the new name
     * @param candidates the names that disappeared, in order
     */
    record RenameQuestion(Subject subject, String scope, String added, List<String> candidates) {

        /** Canonical constructor: copies. */
        public RenameQuestion {
            candidates = List.copyOf(candidates);
        }

        /** The question in words. */
        public String text() {
            return subject == Subject.COLUMN
                    ? "In " + scope + ", is the new column '" + added + "' a rename of " + choices() + "?"
                    : "Is the new table " + added + " a rename or move of " + choices() + "?";
        }

        private String choices() {
            return candidates.size() == 1 ? "'" + candidates.get(0) + "'"
                    : "one of " + String.join(", ", candidates.stream().map(c -> "'" + c + "'").toList());
        }
    }

    /**
     * "May {@code name} be dropped?"
     *
     * @param subject what would be dropped
     * @param name its qualified name
     * @param reason why it would be dropped
     */
    record DropQuestion(Subject subject, String name, String reason) {

        /** The question in words. */
        public String text() {
            return "Drop the " + subject.label() + " " + name + " (" + reason + ")? Its data is lost.";
        }
    }
}
