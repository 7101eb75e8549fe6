package io.ashspring.maven;

import java.io.File;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the {@code ash:} goals share: the project, where its changelogs live, a database, and skipping. */
abstract class AshMojo extends AbstractMojo {

    // Liquibase logs each step at INFO through java.util.logging; the goals report what they did themselves.
    // Kept referenced: java.util.logging forgets the level of a logger that is collected.
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /**
     * A database ({@code jdbc:postgresql://localhost:5432/app}): the one {@code ash:rollback} rolls back in, or one
     * that ran dev migrations, where a named {@code ash:codegen} run rolls their changesets back before deleting them.
     */
    @Parameter(property = DatabaseTarget.URL_PROPERTY)
    private String url;

    /** The user of {@link #url} (or in the URL). */
    @Parameter(property = "ash.username")
    private String username;

    /** The password of {@link #url} (or in the URL). */
    @Parameter(property = "ash.password")
    private String password;

    /** Where the master changelog, the generated changelogs and the recorded state live. */
    @Parameter(property = "ash.changelogDirectory", defaultValue = "${project.basedir}/src/main/resources/db/changelog")
    File changelogDirectory;

    /** Skip the goal. */
    @Parameter(property = "ash.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /**
     * The database given, or {@code null} when none was.
     *
     * @throws MojoFailureException when the URL is not a PostgreSQL JDBC URL
     */
    DatabaseTarget database() throws MojoFailureException {
        return DatabaseTarget.of(url, username, password);
    }
}
