package io.ashspring.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;

/**
 * A Maven project on disk for running the mojos directly, as Maven would: {@code pom.xml} (empty),
 * {@code src/main/resources} and {@code target/classes} holding the compiled resource classes given.
 */
final class TestProject {

    final Path basedir;
    final Path resources;
    final Path classes;
    final Path changelogs;
    final MavenProject project = new MavenProject();
    final List<String> log = new ArrayList<>();

    TestProject(Path basedir) {
        this.basedir = basedir;
        this.resources = basedir.resolve("src/main/resources");
        this.classes = basedir.resolve("target/classes");
        this.changelogs = resources.resolve("db/changelog");
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(classes.toString());
        Resource resource = new Resource();
        resource.setDirectory(resources.toString());
        project.addResource(resource);
    }

    /** Puts the compiled classes of these resources in the output directory, as the compile phase would. */
    TestProject compiled(Class<?>... types) {
        for (Class<?> type : types) {
            String file = type.getName().replace('.', '/') + ".class";
            try {
                Path compiled = Path.of(type.getClassLoader().getResource(file).toURI());
                Path target = classes.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(compiled, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    /** A codegen mojo on this project, non-interactive, with these parameters ({@code "name", "create_widgets"}...). */
    CodegenMojo codegen(Object... parameters) {
        CodegenMojo mojo = new CodegenMojo();
        set(mojo, "session", new MavenSession(null, new DefaultMavenExecutionRequest().setInteractiveMode(false), null,
                project));
        set(mojo, "format", "yaml");
        set(mojo, "changelogDirectory", changelogs.toFile());
        return configure(mojo, parameters);
    }

    /** A rollback mojo on this project with these parameters ({@code "step", 1, "url", "jdbc:..."}). */
    RollbackMojo rollback(Object... parameters) {
        RollbackMojo mojo = new RollbackMojo();
        set(mojo, "changelogDirectory", changelogs.toFile());
        return configure(mojo, parameters);
    }

    /** A migrate-tenants mojo on this project with these parameters ({@code "url", "jdbc:...", "tenants", List.of(...)}). */
    MigrateTenantsMojo migrateTenants(Object... parameters) {
        MigrateTenantsMojo mojo = new MigrateTenantsMojo();
        set(mojo, "changelogDirectory", changelogs.toFile());
        return configure(mojo, parameters);
    }

    /** The file's path relative to the project, with '/' (as in assertions' messages). */
    String relative(Path file) {
        return basedir.relativize(file).toString().replace('\\', '/');
    }

    private <T extends AbstractMojo> T configure(T mojo, Object... parameters) {
        set(mojo, "project", project);
        for (int i = 0; i < parameters.length; i += 2) {
            set(mojo, (String) parameters[i], parameters[i + 1]);
        }
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
                super.info(content);
            }
        });
        return mojo;
    }

    // What Maven does for @Parameter fields, declared by the mojo or by AshMojo.
    private static void set(Object mojo, String name, Object value) {
        for (Class<?> type = mojo.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("No parameter " + name + " on " + mojo.getClass().getSimpleName());
    }
}
