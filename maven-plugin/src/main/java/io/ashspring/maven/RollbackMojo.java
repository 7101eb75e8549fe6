package io.ashspring.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.ashspring.migrate.liquibase.MasterChangelog;

/**
 * {@code ./mvnw ash:rollback -Dash.step=1 -Dash.url=jdbc:postgresql://localhost:5432/app}: rolls back the last
 * {@code ash.step} changesets the database ran, newest first, each with its own rollback, through Liquibase's
 * rollback-count command over the master changelog. It needs an explicit {@code -Dash.url} (rolling back drops
 * tables and columns) and refuses when the master changelog does not hold one of those changesets. The
 * changelog files stay as they are.
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AshMojo {

    /** How many changesets to roll back, newest first. */
    @Parameter(property = "ash.step")
    private Integer step;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("ash:rollback skipped");
            return;
        }
        if (step == null || step < 1) {
            throw new MojoFailureException("Say how many changesets to roll back, newest first: "
                    + "./mvnw ash:rollback -Dash.step=1 -D" + DatabaseTarget.URL_PROPERTY + "=jdbc:postgresql://localhost:5432/app");
        }
        DatabaseTarget target = database();
        if (target == null) {
            throw new MojoFailureException("ash:rollback needs the database to roll back in: -D" + DatabaseTarget.URL_PROPERTY
                    + "=jdbc:postgresql://<host>:<port>/<database> (with -Dash.username and -Dash.password, or in the URL). "
                    + "It never picks a database by itself: rolling back drops tables and columns");
        }
        Path master = changelogDirectory.toPath().toAbsolutePath().normalize().resolve(MasterChangelog.FILE_NAME);
        if (!Files.isRegularFile(master)) {
            throw new MojoFailureException("No master changelog " + master + ": ash:codegen writes it with the first "
                    + "migration (or set -Dash.changelogDirectory)");
        }
        // Relative to the class path root, the paths match those the application recorded in databasechangelog.
        Path root = ResourceDirectories.of(project).classPathRoot(master).orElse(master.getParent());
        String path = root.relativize(master).toString().replace(File.separatorChar, '/');
        List<ChangesetRollback.RolledBack> rolledBack = ChangesetRollback.rollBack(target, root, path, step);
        getLog().info("Rolled back " + rolledBack.size() + " changeset" + (rolledBack.size() == 1 ? "" : "s") + " in "
                + target.display() + ", newest first:");
        rolledBack.forEach(r -> getLog().info("  - " + r.id() + ": " + r.comment() + " (" + r.changelog() + ")"));
        getLog().info("The changelog files are unchanged: the application runs these changesets again at its next start. "
                + "To drop a migration instead, delete its changelog (migrations/) and its state file (ash-state/), then "
                + "change the resources and run ash:codegen again");
    }
}
