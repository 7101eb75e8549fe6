package io.ashspring.migrate.state;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.QualifiedName;

/**
 * What earlier codegen runs created, folded from their state files.
 *
 * @param model the tables and extensions the generated migrations create
 * @param retained tables whose resource is gone but whose drop was declined: left alone, not asked about again
 * @param files the state files folded, in order
 * @param warnings what folding noticed but could fold anyway (a patch of a table another branch renamed)
 */
public record RecordedState(TableModel model, Set<QualifiedName> retained, List<String> files, List<String> warnings) {

    /** Canonical constructor: copies. */
    public RecordedState {
        retained = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(retained));
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** Nothing recorded: an empty database. */
    public static RecordedState empty() {
        return new RecordedState(TableModel.empty(), Set.of(), List.of(), List.of());
    }

    /** The name of the last state file, or {@code null} when there is none. */
    public String lastFile() {
        return files.isEmpty() ? null : files.get(files.size() - 1);
    }
}
