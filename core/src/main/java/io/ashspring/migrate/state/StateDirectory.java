package io.ashspring.migrate.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The state files of a project: {@code *.json} in one folder ({@code db/changelog/ash-state/}). */
public final class StateDirectory {

    private final Path directory;

    /** The state folder (it need not exist yet). */
    public StateDirectory(Path directory) {
        this.directory = directory;
    }

    /** The folder. */
    public Path path() {
        return directory;
    }

    /** The state files, in name order; none when the folder does not exist. */
    public List<StateFile> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StateFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path path : entries.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                files.add(new StateFile(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the state folder " + directory, e);
        }
        return files;
    }

    /** The recorded state folded from the files. */
    public RecordedState read() {
        return StateFolder.fold(files());
    }

    /** Writes a state file. */
    public Path write(String fileName, String content) {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(fileName), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + directory.resolve(fileName), e);
        }
    }
}
