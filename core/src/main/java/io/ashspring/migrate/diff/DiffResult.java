package io.ashspring.migrate.diff;

import java.util.List;
import java.util.Set;

import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.operation.Operation;

/**
 * What the diff found.
 *
 * @param operations the operations, in the diff's natural order (not yet sorted by dependencies)
 * @param expected the model the operations lead to: the target, plus what was kept instead of dropped
 * @param retained tables kept although their resource is gone (a declined or skipped drop)
 * @param problems what must be resolved before anything can be generated (ambiguous renames, drops
 *                 without opt-in), each with its fix; when not empty, {@code operations} is incomplete
 * @param warnings what a reviewer should look at (destructive steps, kept columns, skipped resources)
 */
public record DiffResult(List<Operation> operations, TableModel expected, Set<QualifiedName> retained, List<String> problems,
                         List<String> warnings) {

    /** Canonical constructor: copies. */
    public DiffResult {
        operations = List.copyOf(operations);
        retained = Set.copyOf(retained);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Whether the diff is complete: no problem is left to resolve. */
    public boolean resolved() {
        return problems.isEmpty();
    }
}
