package io.ashspring.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn ash:codegen -Dash.name=add_priority}: generates a Liquibase changelog from the
 * difference between the resources and the recorded state.
 *
 * <p>Skeleton: the goal, its prefix and its parameters exist so that applications can declare the
 * plugin now; the migration generator fills it in. Until then the schema is created at startup.
 */
@Mojo(name = "codegen", defaultPhase = LifecyclePhase.NONE, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CodegenMojo extends AbstractMojo {

    /** The name of the migration, e.g. {@code add_priority}. */
    @Parameter(property = "ash.name")
    private String name;

    @Override
    public void execute() throws MojoFailureException {
        throw new MojoFailureException("ash:codegen is not available yet in this version of Ash for Spring: "
                + "the migration generator is still to come. Until then the tables are created at startup "
                + "(ash.schema.create-on-startup=true).");
    }
}
