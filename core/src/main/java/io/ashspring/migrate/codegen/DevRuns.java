package io.ashspring.migrate.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.ashspring.migrate.state.RecordedState;
import io.ashspring.migrate.state.StateDirectory;
import io.ashspring.migrate.state.StateFile;
import io.ashspring.migrate.state.StateFolder;

/**
 * The state files of a project split into those of named runs and those of dev runs
 * ({@link StateFile#dev()}), which the next named run squashes: it diffs against the named runs
 * only, so that its one changelog makes everything the dev runs made, and then deletes them.
 *
 * @param named the state files of named runs, in name order
 * @param dev the state files of dev runs, in name order
 */
record DevRuns(List<StateFile> named, List<StateFile> dev) {

    DevRuns {
        named = List.copyOf(named);
        dev = List.copyOf(dev);
    }

    static DevRuns of(StateDirectory directory) {
        List<StateFile> named = new ArrayList<>();
        List<StateFile> dev = new ArrayList<>();
        for (StateFile file : directory.files()) {
            (file.dev() ? dev : named).add(file);
        }
        return new DevRuns(named, dev);
    }

    /** Whether there are dev runs. */
    boolean any() {
        return !dev.isEmpty();
    }

    /** The recorded state a run diffs against: with the dev runs for a dev run (they chain), without them for a named run. */
    RecordedState base(boolean devRun) {
        List<StateFile> files = new ArrayList<>(named);
        if (devRun) {
            files.addAll(dev);
        }
        return StateFolder.fold(files);
    }

    /** The dev runs' changelogs, oldest first, relative to the changelog directory. */
    List<String> changelogs() {
        return dev.stream().map(StateFile::changelog).filter(Objects::nonNull).toList();
    }

    /** Deletes the dev changelogs and their state files; returns them. */
    List<Path> delete(Path changelogDirectory, StateDirectory states) {
        List<Path> files = new ArrayList<>(changelogs().stream().map(changelogDirectory::resolve).toList());
        dev.forEach(f -> files.add(states.path().resolve(f.name())));
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the dev migration file " + file + ": delete it by hand", e);
            }
        }
        return files;
    }
}
