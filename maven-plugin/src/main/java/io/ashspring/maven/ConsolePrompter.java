package io.ashspring.maven;

import java.io.Console;
import java.util.Optional;

import io.ashspring.migrate.Prompter;

/** Asks rename and drop questions on the attached terminal (only when Maven runs interactively). */
final class ConsolePrompter implements Prompter {

    private final Console console;

    ConsolePrompter(Console console) {
        this.console = console;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public Optional<String> askRename(RenameQuestion question) {
        console.printf("%s%n", question.text());
        for (int i = 0; i < question.candidates().size(); i++) {
            console.printf("  %d) %s%n", i + 1, question.candidates().get(i));
        }
        console.printf("  0) none: '%s' is new%n", question.added());
        while (true) {
            String answer = console.readLine("Answer [0-%d]: ", question.candidates().size());
            if (answer == null) {
                return Optional.empty();
            }
            try {
                int choice = Integer.parseInt(answer.trim());
                if (choice == 0) {
                    return Optional.empty();
                }
                if (choice >= 1 && choice <= question.candidates().size()) {
                    return Optional.of(question.candidates().get(choice - 1));
                }
            } catch (NumberFormatException e) {
                // ask again
            }
        }
    }

    @Override
    public boolean askDrop(DropQuestion question) {
        String answer = console.readLine("%s [y/N]: ", question.text());
        return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
