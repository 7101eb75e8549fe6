package io.ashspring.maven;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
 * {@code -Dash.dev=true} writes a throw-away dev migration (no name needed) that the next named run
 * replaces; given {@code -Dash.url=jdbc:postgresql://…}, that named run first rolls the dev changesets
 * back in that database. What a run writes or deletes under a resource directory it also copies to, or
 * deletes from, {@code target/classes}, so that an application started right after runs it.
 */
@Mojo(name = "codegen", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CodegenMojo extends AshMojo {

    /** The migration's name, part of the file name ({@code add_priority}); required to write, except for a dev run. */
    @Parameter(property = "ash.name")
    private String name;

    /** Write nothing; fail listing the pending operations when the resources differ from the recorded state. */
    @Parameter(property = "ash.check", defaultValue = "false")
    private boolean check;

    /** Print the changelog instead of writing it. */
    @Parameter(property = "ash.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** A throw-away dev migration ({@code <timestamp>_<name>_dev}), replaced by the next named run. */
    @Parameter(property = "ash.dev", defaultValue = "false")
    private boolean dev;

    /** {@code yaml} (default) or {@code xml}. */
    @Parameter(property = "ash.format", defaultValue = "yaml")
    private String format;

    /** Allow dropping tables and columns whose resources or attributes are gone. */
    @Parameter(property = "ash.allowDrops", defaultValue = "false")
    private boolean allowDrops;

    /** Packages to look for resources in; default: the package of the @SpringBootApplication class (as the starter). */
    @Parameter(property = "ash.packages")
    private List<String> packages;

    /** Extensions to install, as {@code ash.extensions} in the application's configuration. */
    @Parameter(property = "ash.extensions")
    private List<String> extensions;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ash:codegen skipped");
            return;
        }
        if (!check && !dryRun && !dev && (name == null || name.isBlank())) {
            throw new MojoFailureException("Name the migration: ./mvnw ash:codegen -Dash.name=add_priority "
                    + "(or use -Dash.dev=true for a throw-away dev migration, -Dash.check / -Dash.dryRun, which write nothing)");
        }
        DatabaseTarget database = database();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = ProjectResources.classLoader(project.getCompileClasspathElements(), getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            List<Class<?>> types = ProjectResources.find(Path.of(project.getBuild().getOutputDirectory()), loader,
                    packages == null ? List.of() : packages);
            getLog().info("Found " + types.size() + " resources");
            ResourceRegistry registry = ResourceRegistry.of(types);
            MigrationGenerator generator = new MigrationGenerator(options(database));
            CodegenResult result = run(generator, registry);
            // the schema-per-tenant tables: their own tree (tenants/), diffed against their own state
            boolean tenants = MigrationGenerator.hasTenantTables(registry)
                    || Files.isDirectory(changelogDirectory.toPath().resolve(MigrationGenerator.TENANTS_FOLDER));
            CodegenResult tenantResult = tenants ? run(generator.forTenants(), registry) : null;
            if (check && tenantResult != null && tenantResult.hasChanges() && !result.hasChanges()) {
                throw new MojoFailureException("The tenant resources differ from the committed tenant changelogs ("
                        + MigrationGenerator.TENANTS_FOLDER + "/):\n" + tenantResult.report()
                        + "\nRun ./mvnw ash:codegen -Dash.name=<name> and commit the result (never commit dev migrations).");
            }
            report(result);
            if (tenantResult != null) {
                getLog().info("Tenant schemas (" + MigrationGenerator.TENANTS_FOLDER + "/):");
                report(tenantResult);
            }
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

    private CodegenResult run(MigrationGenerator generator, ResourceRegistry registry) {
        return check ? generator.check(registry) : dryRun ? generator.dryRun(registry) : generator.generate(registry);
    }

    private CodegenOptions options(DatabaseTarget database) {
        Prompter prompter = session.getRequest().isInteractiveMode() && System.console() != null
                ? new ConsolePrompter(System.console()) : Prompter.nonInteractive();
        boolean named = name != null && !name.isBlank();
        return CodegenOptions.defaults()
                .withChangelogDirectory(changelogDirectory.toPath())
                .withName(named ? name : dev ? null : dryRun ? "dry_run" : "check")
                .withFormat(ChangelogFormat.of(format))
                .withAllowDrops(allowDrops)
                .withExtensions(extensions == null ? Set.of() : Set.copyOf(extensions))
                .withPrompter(prompter)
                .withDev(dev)
                .withDatabase(database == null ? null : database.dataSource());
    }

    /**
     * Copies the files written to the output directory, and deletes there the copies of the files deleted, so
     * that an application or a test started now (without a build) runs exactly the changelogs on disk.
     */
    private void updateOutputDirectory(CodegenResult result) throws MojoFailureException {
        ResourceDirectories directories = ResourceDirectories.of(project);
        try {
            List<Path> deleted = result.devSquash() == null ? List.of() : directories.delete(result.devSquash().deleted());
            List<Path> copied = directories.copy(result.writtenFiles());
            if (!copied.isEmpty() || !deleted.isEmpty()) {
                getLog().info("Updated " + directories.output() + " (" + copied.size() + " copied, " + deleted.size()
                        + " deleted): an application or a test started now runs the changelogs as written");
            }
        } catch (IOException e) {
            throw new MojoFailureException("The changelog files are written, but their copies in " + directories.output()
                    + " could not be updated (" + e.getMessage() + "): run ./mvnw process-resources before starting "
                    + "the application", e);
        }
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
                    + "\nRun ./mvnw ash:codegen -Dash.name=<name> and commit the result (never commit dev migrations).");
        }
        result.warnings().forEach(w -> getLog().warn(w));
        getLog().info(report);
        updateOutputDirectory(result);
        if (dev && result.outcome() == CodegenResult.Outcome.WRITTEN) {
            getLog().info("A dev migration: run it (start the application), keep changing and running -Dash.dev=true; when the "
                    + "feature is done, ./mvnw ash:codegen -Dash.name=<what_it_does> replaces the dev migrations with one named "
                    + "migration (add -Dash.url=jdbc:postgresql://... to roll them back in a database that ran them)");
        }
    }
}
