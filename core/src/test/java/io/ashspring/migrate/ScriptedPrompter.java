package io.ashspring.migrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** An interactive prompter answering from a script, recording each question asked. */
final class ScriptedPrompter implements Prompter {

    final List<String> asked = new ArrayList<>();
    final List<RenameQuestion> renameQuestions = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    /** Answers the next rename question with this candidate ({@code null}: none, it is new). */
    ScriptedPrompter rename(String candidate) {
        answers.add(candidate == null ? Optional.empty() : Optional.of(candidate));
        return this;
    }

    /** Answers the next drop question. */
    ScriptedPrompter drop(boolean answer) {
        answers.add(answer);
        return this;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> askRename(RenameQuestion question) {
        asked.add(question.text());
        renameQuestions.add(question);
        Object answer = answers.poll();
        if (!(answer instanceof Optional<?>)) {
            throw new AssertionError("unexpected rename question: " + question.text() + " (next scripted answer: " + answer + ")");
        }
        return (Optional<String>) answer;
    }

    @Override
    public boolean askDrop(DropQuestion question) {
        asked.add(question.text());
        Object answer = answers.poll();
        if (!(answer instanceof Boolean drop)) {
            throw new AssertionError("unexpected drop question: " + question.text() + " (next scripted answer: " + answer + ")");
        }
        return drop;
    }
}
