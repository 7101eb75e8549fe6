package io.ashspring.migrate.codegen;

import java.util.List;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.MigrationHints;
import io.ashspring.migrate.Prompter;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.diff.DiffResult;
import io.ashspring.migrate.diff.DropPolicy;
import io.ashspring.migrate.diff.SchemaDiff;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.migrate.order.OperationOrder;
import io.ashspring.migrate.state.OperationApplier;
import io.ashspring.migrate.state.RecordedState;

/**
 * The diff, sorted, and the state it leads to: the recorded state with exactly these operations
 * applied. Checked against the expected model, so that the state never claims more (or less) than
 * the changelog does.
 *
 * @param recorded the state before
 * @param diff the diff
 * @param operations the operations, sorted by their dependencies
 * @param next the state after, or {@code null} when the diff has problems
 */
record Plan(RecordedState recorded, DiffResult diff, List<Operation> operations, RecordedState next) {

    static Plan of(RecordedState recorded, TableModel target, MigrationHints hints, DropPolicy policy, Prompter prompter) {
        DiffResult diff = SchemaDiff.diff(recorded, target, hints, policy, prompter);
        if (!diff.resolved()) {
            return new Plan(recorded, diff, List.of(), null);
        }
        List<Operation> sorted = OperationOrder.sort(diff.operations());
        TableModel applied = OperationApplier.apply(recorded.model(), sorted);
        List<Operation> leftover = SchemaDiff.compare(applied, diff.expected());
        if (!leftover.isEmpty()) {
            // a bug of the diff, never a user error: refuse rather than record a state the changelog does not make
            throw new IllegalStateException("The planned migration does not reach the resources' model; still different: "
                    + leftover.stream().map(Operation::describe).toList());
        }
        RecordedState next = new RecordedState(applied, diff.retained(), recorded.files(), List.of());
        return new Plan(recorded, diff, sorted, next);
    }

    /** Throws the diff's problems, if any. */
    Plan requireResolved() {
        if (!diff.resolved()) {
            throw new MigrationException("Codegen needs a decision before it can generate anything (nothing was written)",
                    diff.problems());
        }
        return this;
    }
}
