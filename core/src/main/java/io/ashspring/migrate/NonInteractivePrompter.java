package io.ashspring.migrate;

import java.util.Optional;

/** Asks nobody: the generator reports what it would have asked. */
final class NonInteractivePrompter implements Prompter {

    static final NonInteractivePrompter INSTANCE = new NonInteractivePrompter();

    private NonInteractivePrompter() {
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public Optional<String> askRename(RenameQuestion question) {
        throw new IllegalStateException("a non-interactive run cannot ask: " + question.text());
    }

    @Override
    public boolean askDrop(DropQuestion question) {
        throw new IllegalStateException("a non-interactive run cannot ask: " + question.text());
    }

    @Override
    public String toString() {
        return "Prompter.nonInteractive()";
    }
}
