package io.ashspring.maven;

import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import io.ashspring.migrate.Prompter;
import io.ashspring.migrate.codegen.CodegenOptions;
import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.liquibase.ChangelogFormat;
import io.ashspring.resource.ResourceModelException;
import io.ashspring.resource.ResourceRegistry;

/**
 * {@code ./mvnw ash:codegen -Dash.name=add_priority}: compares the project's resources with the
 * recorded state and writes a Liquibase changelog for the difference, with its new recorded state.
 * {@code -Dash.check} writes nothing and fails when anything is pending (for CI);
 * {@code -Dash.dryRun} prints the changelog. A run with nothing to do prints "No changes detected".
 */
@Mojo(name = "codegen", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CodegenMojo extends AbstractMojo {

    /** The migration's name, part of the file name ({@code add_priority}); required to write. */
    @Parameter(property = "ash.name")
    private String name;

    /** Write nothing; fail listing the pending operations when the resources differ from the recorded state. */
    @Parameter(property = "ash.check", defaultValue = "false")
    private boolean check;

    /** Print the changelog instead of writing it. */
    @Parameter(property = "ash.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** {@code yaml} (default) or {@code xml}. */
    @Parameter(property = "ash.format", defaultValue = "yaml")
    private String format;

    /** Allow dropping tables and columns whose resources or attributes are gone. */
    @Parameter(property = "ash.allowDrops", defaultValue = "false")
    private boolean allowDrops;

    /** Where the master changelog, the generated changelogs and the recorded state live. */
    @Parameter(property = "ash.changelogDirectory", defaultValue = "${project.basedir}/src/main/resources/db/changelog")
    private File changelogDirectory;

    /** Packages to look for resources in; default: the package of the @SpringBootApplication class (as the starter). */
    @Parameter(property = "ash.packages")
    private List<String> packages;

    /** Extensions to install, as {@code ash.extensions} in the application's configuration. */
    @Parameter(property = "ash.extensions")
    private List<String> extensions;

    /** Skip the goal. */
    @Parameter(property = "ash.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ash:codegen skipped");
            return;
        }
        if (!check && !dryRun && (name == null || name.isBlank())) {
            throw new MojoFailureException("Name the migration: ./mvnw ash:codegen -Dash.name=add_priority "
                    + "(or use -Dash.check / -Dash.dryRun, which write nothing)");
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = ProjectResources.classLoader(project.getCompileClasspathElements(), getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            List<Class<?>> types = ProjectResources.find(Path.of(project.getBuild().getOutputDirectory()), loader,
                    packages == null ? List.of() : packages);
            getLog().info("Found " + types.size() + " resources");
            ResourceRegistry registry = ResourceRegistry.of(types);
            MigrationGenerator generator = new MigrationGenerator(options());
            CodegenResult result = check ? generator.check(registry) : dryRun ? generator.dryRun(registry) : generator.generate(registry);
            report(result);
        } catch (ResourceModelException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Could not load the project's classes: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private CodegenOptions options() {
        Prompter prompter = session.getRequest().isInteractiveMode() && System.console() != null
                ? new ConsolePrompter(System.console()) : Prompter.nonInteractive();
        return CodegenOptions.defaults()
                .withChangelogDirectory(changelogDirectory.toPath())
                .withName(name == null || name.isBlank() ? (dryRun ? "dry_run" : "check") : name)
                .withFormat(ChangelogFormat.of(format))
                .withAllowDrops(allowDrops)
                .withExtensions(extensions == null ? Set.of() : Set.copyOf(extensions))
                .withPrompter(prompter);
    }

    private void report(CodegenResult result) throws MojoFailureException {
        String report = result.report();
        if (result.outcome() == CodegenResult.Outcome.DRY_RUN && result.changelogText() != null) {
            getLog().info(report);
            getLog().info("\n" + result.changelogText());
            return;
        }
        if (check && result.hasChanges()) {
            throw new MojoFailureException("The resources differ from the committed changelogs:\n" + report
                    + "\nRun ./mvnw ash:codegen -Dash.name=<name> and commit the result.");
        }
        result.warnings().forEach(w -> getLog().warn(w));
        getLog().info(report);
    }
}
