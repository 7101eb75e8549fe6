package io.ashspring.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * The project's resource directories ({@code src/main/resources}) and where the resources phase copies
 * them: the output directory ({@code target/classes}), that is the application's class path.
 *
 * <p>Codegen keeps the output directory in step with the files it writes or deletes: the resources
 * phase would copy them only at the next build, so an application or a test started right after
 * codegen would not see a new changelog, and would still run a deleted dev changelog from its copy.
 */
final class ResourceDirectories {

    private final Path output;

    private final List<Resource> resources;

    private ResourceDirectories(Path output, List<Resource> resources) {
        this.output = output;
        this.resources = resources;
    }

    /** The resource directories and the output directory of this project. */
    static ResourceDirectories of(MavenProject project) {
        return new ResourceDirectories(Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize(),
                List.copyOf(project.getResources()));
    }

    /**
     * Where the resources phase puts this file (honouring the resource's {@code targetPath}), or empty when
     * no resource directory holds it.
     */
    Optional<Path> copyOf(Path source) {
        Path file = source.toAbsolutePath().normalize();
        return holding(file).map(resource -> {
            Path target = resource.getTargetPath() == null ? output : output.resolve(resource.getTargetPath());
            return target.resolve(root(resource).relativize(file).toString()).normalize();
        });
    }

    /**
     * The resource directory whose files lie at the root of the class path (no {@code targetPath}) and that
     * holds this file, or empty.
     */
    Optional<Path> classPathRoot(Path source) {
        return holding(source.toAbsolutePath().normalize()).filter(r -> r.getTargetPath() == null).map(ResourceDirectories::root);
    }

    /**
     * Copies these files to the output directory, replacing older copies.
     *
     * @return the copies written
     */
    List<Path> copy(List<Path> files) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (Path file : files) {
            Optional<Path> copy = copyOf(file);
            if (copy.isPresent() && Files.isRegularFile(file)) {
                Files.createDirectories(copy.get().getParent());
                Files.copy(file, copy.get(), StandardCopyOption.REPLACE_EXISTING);
                copies.add(copy.get());
            }
        }
        return copies;
    }

    /**
     * Deletes the copies of these (deleted) files from the output directory.
     *
     * @return the copies deleted
     */
    List<Path> delete(List<Path> files) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Path file : files) {
            Optional<Path> copy = copyOf(file);
            if (copy.isPresent() && Files.deleteIfExists(copy.get())) {
                deleted.add(copy.get());
            }
        }
        return deleted;
    }

    /** The output directory. */
    Path output() {
        return output;
    }

    private Optional<Resource> holding(Path file) {
        return resources.stream().filter(r -> file.startsWith(root(r)) && !file.equals(root(r))).findFirst();
    }

    private static Path root(Resource resource) {
        return Path.of(resource.getDirectory()).toAbsolutePath().normalize();
    }
}
