package io.ashspring.resource;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while the registry is built, so that all are reported at once. */
final class Problems {

    private final List<ModelProblem> found = new ArrayList<>();

    void add(String resource, String member, String problem, String fix) {
        found.add(new ModelProblem(resource, member, problem, fix));
    }

    /** Reports a problem when the name is not a valid identifier. */
    void checkIdentifier(String resource, String member, String what, String name) {
        String problem = Names.identifierProblem(name);
        if (problem != null) {
            add(resource, member, what + " '" + name + "' " + problem, "choose a shorter or simpler name");
        }
    }

    /** How many problems were found so far. */
    int size() {
        return found.size();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ResourceModelException(found);
        }
    }
}
