package io.ashspring.autoconfigure.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import io.ashspring.migrate.codegen.CodegenOptions;
import io.ashspring.migrate.state.StateFile;

/**
 * The committed state files as the application sees them: {@code ash-state/*.json} next to the master changelog
 * ({@code classpath:/db/changelog/db.changelog-master.yaml} → {@code classpath:/db/changelog/ash-state/}), from the
 * classpath or wherever the changelog location points.
 */
final class ClasspathStateFiles {

    private ClasspathStateFiles() {
    }

    /** The state folder of a master changelog location, ending with a slash. */
    static String folder(String changeLog) {
        int slash = changeLog.lastIndexOf('/');
        String base = slash >= 0 ? changeLog.substring(0, slash + 1) : changeLog.substring(0, changeLog.indexOf(':') + 1);
        return base + CodegenOptions.STATE_FOLDER + "/";
    }

    /** The state files in the folder (none when it does not exist), named by their file names. */
    static List<StateFile> read(ResourcePatternResolver resolver, String folder) {
        List<StateFile> files = new ArrayList<>();
        if (!resolver.getResource(folder).exists()) {
            return files;
        }
        try {
            for (Resource resource : resolver.getResources(folder + "*.json")) {
                if (resource.isReadable() && resource.getFilename() != null) {
                    files.add(new StateFile(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the state files in " + folder, e);
        }
        return files;
    }
}
