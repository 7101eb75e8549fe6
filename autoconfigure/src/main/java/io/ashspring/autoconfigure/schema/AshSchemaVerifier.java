package io.ashspring.autoconfigure.schema;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.support.ResourcePatternResolver;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.state.RecordedState;
import io.ashspring.migrate.state.StateFile;
import io.ashspring.migrate.state.StateFolder;
import io.ashspring.resource.ResourceRegistry;

/**
 * The {@code verify} startup mode: refuses to start while the resources differ from the state of the committed
 * changelogs ({@code ash-state/*.json} next to the master changelog), listing the pending operations. It is a
 * database initializer ordered before Spring Boot's Liquibase run, which then applies the committed changelogs
 * as in the {@code apply} mode.
 */
public final class AshSchemaVerifier implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AshSchemaVerifier.class);

    private final ResourceRegistry registry;
    private final Set<String> extensions;
    private final ResourcePatternResolver resolver;
    private final String changeLog;

    /**
     * @param registry the resources
     * @param extensions extensions from configuration ({@code ash.extensions})
     * @param resolver reads the state files
     * @param changeLog the master changelog's location ({@code spring.liquibase.change-log})
     */
    public AshSchemaVerifier(ResourceRegistry registry, Collection<String> extensions, ResourcePatternResolver resolver,
                             String changeLog) {
        this.registry = registry;
        this.extensions = Set.copyOf(extensions);
        this.resolver = resolver;
        this.changeLog = changeLog;
    }

    /**
     * @throws MigrationException when the resources differ from the committed state, listing each pending operation
     *                            (or decision) on its own line and how to generate the changelog
     */
    @Override
    public void afterPropertiesSet() {
        String folder = ClasspathStateFiles.folder(changeLog);
        List<StateFile> files = ClasspathStateFiles.read(resolver, folder);
        RecordedState committed = StateFolder.fold(files);
        committed.warnings().forEach(w -> log.warn("Committed state in {}: {}", folder, w));
        CodegenResult result = MigrationGenerator.check(committed, registry, extensions);
        if (result.hasChanges()) {
            throw new MigrationException("ash.migrations.mode=verify: the resources differ from the committed changelogs "
                    + "(the state in " + folder + ", " + files.size() + " file" + (files.size() == 1 ? "" : "s") + "). "
                    + result.report() + "\nGenerate the changelog with ./mvnw ash:codegen -Dash.name=<what_changed>, review it "
                    + "and commit it with its state file (or use ash.migrations.mode=generate while developing)");
        }
        log.debug("The resources match the committed changelogs ({} state files in {})", files.size(), folder);
    }
}
