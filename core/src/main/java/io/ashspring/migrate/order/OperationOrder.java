package io.ashspring.migrate.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.operation.Operation;

/**
 * Orders operations so that each runs after every operation providing a fact it requires. Stable:
 * among operations free to run, the one listed first goes first, so the diff's natural order shows
 * through wherever dependencies allow. A cycle is an error naming the operations and tables in it.
 */
public final class OperationOrder {

    private OperationOrder() {
    }

    /**
     * Sorts topologically.
     *
     * @throws MigrationException when the operations depend on each other in a cycle
     */
    public static List<Operation> sort(List<Operation> operations) {
        int count = operations.size();
        List<Facts> facts = new ArrayList<>(count);
        Map<Fact, List<Integer>> providers = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Facts of = OrderingFacts.of(operations.get(i));
            facts.add(of);
            for (Fact fact : of.provides()) {
                providers.computeIfAbsent(fact, f -> new ArrayList<>()).add(i);
            }
        }
        List<Set<Integer>> successors = new ArrayList<>(count);
        int[] waitingFor = new int[count];
        for (int i = 0; i < count; i++) {
            successors.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < count; i++) {
            for (Fact fact : facts.get(i).requires()) {
                for (int provider : providers.getOrDefault(fact, List.of())) {
                    if (provider != i && successors.get(provider).add(i)) {
                        waitingFor[i]++;
                    }
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < count; i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        List<Operation> sorted = new ArrayList<>(count);
        while (!ready.isEmpty()) {
            int next = ready.poll();
            sorted.add(operations.get(next));
            for (int successor : successors.get(next)) {
                if (--waitingFor[successor] == 0) {
                    ready.add(successor);
                }
            }
        }
        if (sorted.size() < count) {
            throw cycle(operations, successors, waitingFor);
        }
        return sorted;
    }

    private static MigrationException cycle(List<Operation> operations, List<Set<Integer>> successors, int[] waitingFor) {
        List<Integer> path = findCycle(successors, waitingFor);
        Set<String> tables = new TreeSet<>();
        List<String> steps = new ArrayList<>();
        for (int index : path) {
            Operation operation = operations.get(index);
            steps.add(operation.describe());
            QualifiedName table = operation.table();
            if (table != null) {
                tables.add(table.toString());
            }
        }
        return new MigrationException("The changes to " + String.join(", ", tables) + " depend on each other in a cycle, so no "
                + "order of migration steps works", List.of(String.join("\n  -> ", steps)
                + "\n  -> (back to the first). Fix: make the change in two codegen runs, e.g. first the tables, then the "
                + "keys between them"));
    }

    /**
     * A cycle among the operations that never became ready. Each of them waits for another one of
     * them, so walking to a waiting predecessor must come back to a step already seen.
     */
    private static List<Integer> findCycle(List<Set<Integer>> successors, int[] waitingFor) {
        Map<Integer, Integer> stuckPredecessor = new HashMap<>();
        for (int i = 0; i < successors.size(); i++) {
            if (waitingFor[i] > 0) {
                for (int successor : successors.get(i)) {
                    if (waitingFor[successor] > 0) {
                        stuckPredecessor.putIfAbsent(successor, i);
                    }
                }
            }
        }
        int current = stuckPredecessor.keySet().iterator().next();
        List<Integer> walk = new ArrayList<>();
        Map<Integer, Integer> seenAt = new HashMap<>();
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, walk.size());
            walk.add(current);
            current = stuckPredecessor.get(current);
        }
        List<Integer> cycle = new ArrayList<>(walk.subList(seenAt.get(current), walk.size()));
        java.util.Collections.reverse(cycle);
        return cycle;
    }
}
