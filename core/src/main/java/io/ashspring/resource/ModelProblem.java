package io.ashspring.resource;

/**
 * One mistake in a resource declaration: where it is, what is wrong and how to fix it.
 *
 * @param resource the record's simple class name
 * @param member the component, annotation or option, or {@code null} for the resource as a whole
 * @param problem what is wrong
 * @param fix what to do about it
 */
public record ModelProblem(String resource, String member, String problem, String fix) {

    @Override
    public String toString() {
        return (member == null ? resource : resource + "." + member) + ": " + problem + ". Fix: " + fix;
    }
}
