package io.ashspring.maven;

import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.liquibase.MasterChangelog;
import io.ashspring.migrate.tenant.ManagedTenants;
import io.ashspring.migrate.tenant.TenantChangelog;
import io.ashspring.migrate.tenant.TenantMigrationReport;
import io.ashspring.migrate.tenant.TenantMigrator;
import io.ashspring.resource.ResourceModelException;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;

/**
 * {@code ./mvnw ash:migrate-tenants -Dash.url=jdbc:postgresql://localhost:5432/app}: runs the tenant changelogs
 * ({@code db/changelog/tenants/}, written by {@code ash:codegen}) in every tenant schema, as the application does at
 * startup: the tenants of {@code -Dash.tenants=acme,globex}, else those the records of the project's
 * {@code @ManageTenant} resource name. At most {@code -Dash.parallelism} tenants at once (4); each tenant is reported,
 * a failing one stops no other, and the goal fails listing the tenants that failed.
 */
@Mojo(name = "migrate-tenants", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class MigrateTenantsMojo extends AshMojo {

    /** The tenants to migrate; default: those the {@code @ManageTenant} records name. */
    @Parameter(property = "ash.tenants")
    private List<String> tenants;

    /** How many tenants are migrated at once. */
    @Parameter(property = "ash.parallelism", defaultValue = "4")
    private int parallelism = TenantMigrator.DEFAULT_PARALLELISM;

    /** How many times a failed tenant is tried again. */
    @Parameter(property = "ash.retries", defaultValue = "0")
    private int retries;

    /** Packages to look for resources in (for the {@code @ManageTenant} resource); default: as {@code ash:codegen}. */
    @Parameter(property = "ash.packages")
    private List<String> packages;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ash:migrate-tenants skipped");
            return;
        }
        DatabaseTarget target = database();
        if (target == null) {
            throw new MojoFailureException("ash:migrate-tenants needs the database: -D" + DatabaseTarget.URL_PROPERTY
                    + "=jdbc:postgresql://<host>:<port>/<database> (with -Dash.username and -Dash.password, or in the URL)");
        }
        Path master = changelogDirectory.toPath().toAbsolutePath().normalize().resolve(MigrationGenerator.TENANTS_FOLDER)
                .resolve(MasterChangelog.FILE_NAME);
        if (!Files.isRegularFile(master)) {
            throw new MojoFailureException("No tenant changelog " + master + ": ./mvnw ash:codegen writes it once a resource has "
                    + "@Multitenancy(strategy = CONTEXT) (or set -Dash.changelogDirectory)");
        }
        // relative to the class path root, the paths match those the application records in each tenant's databasechangelog
        Path root = ResourceDirectories.of(project).classPathRoot(master).orElse(master.getParent());
        String path = root.relativize(master).toString().replace(File.separatorChar, '/');
        TenantMigrator migrator;
        try {
            migrator = new TenantMigrator(target.dataSource(), TenantChangelog.fromDirectory(root, path)).withParallelism(parallelism)
                    .withRetries(retries);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage().replace("ash.tenancy.migrations.parallelism", "-Dash.parallelism"), e);
        }
        List<String> names = tenants != null && !tenants.isEmpty() ? tenants : managedTenants(target, migrator);
        if (names.isEmpty()) {
            getLog().info("No tenants to migrate: give them with -Dash.tenants=acme,globex, or create records of the "
                    + "@ManageTenant resource");
            return;
        }
        TenantMigrationReport report = migrator.migrate(names);
        report.results().forEach(r -> getLog().info("  " + r));
        if (!report.succeeded()) {
            throw new MojoFailureException("Tenant migrations failed: " + report.summary() + ". Fix those tenants and run "
                    + "ash:migrate-tenants -Dash.tenants=" + String.join(",", report.failedTenants()) + " again");
        }
        getLog().info("Tenant schemas migrated in " + target.display() + ": " + report.summary());
    }

    private List<String> managedTenants(DatabaseTarget target, TenantMigrator migrator) throws MojoExecutionException,
            MojoFailureException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = ProjectResources.classLoader(project.getCompileClasspathElements(), getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            ResourceRegistry registry = ResourceRegistry.of(ProjectResources.find(Path.of(project.getBuild().getOutputDirectory()),
                    loader, packages == null ? List.of() : packages));
            if (!ManagedTenants.any(registry)) {
                return List.of();
            }
            return new ManagedTenants(target.dataSource(), migrator, registry).tenants(AshRuntime.of(registry, target.dataSource()));
        } catch (ResourceModelException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Could not load the project's classes: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
