package io.ashspring.resource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The resources declare something invalid; lists every problem found, not just the first. */
public final class ResourceModelException extends RuntimeException {

    private final List<ModelProblem> problems;

    ResourceModelException(List<ModelProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<ModelProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the resource declarations:\n"
                + IntStream.range(0, problems.size())
                        .mapToObj(i -> "  " + (i + 1) + ". " + problems.get(i))
                        .collect(Collectors.joining("\n"));
    }

    /** Every problem found. */
    public List<ModelProblem> problems() {
        return problems;
    }
}
