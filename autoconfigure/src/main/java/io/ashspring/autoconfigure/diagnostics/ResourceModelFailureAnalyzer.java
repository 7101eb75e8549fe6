package io.ashspring.autoconfigure.diagnostics;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.ashspring.resource.ModelProblem;
import io.ashspring.resource.ResourceModelException;

/** The resource declarations are invalid: each problem, where it is, and each fix, numbered alike. */
class ResourceModelFailureAnalyzer extends AshFailureAnalyzer<ResourceModelException> {

    @Override
    protected String description(ResourceModelException failure) {
        List<ModelProblem> problems = failure.problems();
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the resource declarations:\n"
                + numbered(problems, p -> where(p) + ": " + p.problem());
    }

    @Override
    protected String action(ResourceModelException failure) {
        return "Change the declarations:\n" + numbered(failure.problems(), p -> where(p) + ": " + p.fix());
    }

    private static String where(ModelProblem problem) {
        return problem.member() == null ? problem.resource() : problem.resource() + "." + problem.member();
    }

    private static String numbered(List<ModelProblem> problems, Function<ModelProblem, String> line) {
        return IntStream.range(0, problems.size()).mapToObj(i -> "  " + (i + 1) + ". " + line.apply(problems.get(i)))
                .collect(Collectors.joining("\n"));
    }
}
