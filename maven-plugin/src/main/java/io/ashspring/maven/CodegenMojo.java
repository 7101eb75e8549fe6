package io.ashspring.maven;

import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

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
import org.postgresql.ds.PGSimpleDataSource;

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
 * back in that database.
 */
@Mojo(name = "codegen", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CodegenMojo extends AbstractMojo {

    // Liquibase logs each step of a rollback at INFO through java.util.logging; the report says what was rolled back.
    // Kept referenced: java.util.logging forgets the level of a logger that is collected.
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

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

    /**
     * A database that may have run the dev migrations ({@code jdbc:postgresql://localhost:5432/app}): a named
     * run rolls their changesets back there before it deletes them.
     */
    @Parameter(property = "ash.url")
    private String url;

    /** The user of {@link #url} (or in the URL). */
    @Parameter(property = "ash.username")
    private String username;

    /** The password of {@link #url} (or in the URL). */
    @Parameter(property = "ash.password")
    private String password;

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
        if (!check && !dryRun && !dev && (name == null || name.isBlank())) {
            throw new MojoFailureException("Name the migration: ./mvnw ash:codegen -Dash.name=add_priority "
                    + "(or use -Dash.dev=true for a throw-away dev migration, -Dash.check / -Dash.dryRun, which write nothing)");
        }
        if (url != null && !url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
            throw new MojoFailureException("-Dash.url=" + url + " is not a PostgreSQL JDBC URL: use "
                    + "jdbc:postgresql://<host>:<port>/<database>");
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
        boolean named = name != null && !name.isBlank();
        return CodegenOptions.defaults()
                .withChangelogDirectory(changelogDirectory.toPath())
                .withName(named ? name : dev ? null : dryRun ? "dry_run" : "check")
                .withFormat(ChangelogFormat.of(format))
                .withAllowDrops(allowDrops)
                .withExtensions(extensions == null ? Set.of() : Set.copyOf(extensions))
                .withPrompter(prompter)
                .withDev(dev)
                .withDatabase(database());
    }

    /**
     * The resources phase copied the dev files to the output directory and never deletes stale copies: an
     * application started from there would run the dev changelogs again besides the named one.
     */
    private void deleteStaleCopies(List<Path> deleted) throws MojoFailureException {
        Path output = Path.of(project.getBuild().getOutputDirectory());
        for (org.apache.maven.model.Resource resource : project.getResources()) {
            Path root = Path.of(resource.getDirectory()).toAbsolutePath().normalize();
            for (Path file : deleted) {
                Path absolute = file.toAbsolutePath().normalize();
                if (absolute.startsWith(root) && resource.getTargetPath() == null) {
                    try {
                        Files.deleteIfExists(output.resolve(root.relativize(absolute).toString()));
                    } catch (IOException e) {
                        throw new MojoFailureException("Could not delete the copy of " + file + " in " + output
                                + ": run ./mvnw clean", e);
                    }
                }
            }
        }
    }

    private DataSource database() {
        if (url == null || url.isBlank()) {
            return null;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (username != null && !username.isBlank()) {
            dataSource.setUser(username);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
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
        if (result.devSquash() != null) {
            deleteStaleCopies(result.devSquash().deleted());
        }
        if (dev && result.outcome() == CodegenResult.Outcome.WRITTEN) {
            getLog().info("A dev migration: run it (start the application), keep changing and running -Dash.dev=true; when the "
                    + "feature is done, ./mvnw ash:codegen -Dash.name=<what_it_does> replaces the dev migrations with one named "
                    + "migration (add -Dash.url=jdbc:postgresql://... to roll them back in a database that ran them)");
        }
    }
}
