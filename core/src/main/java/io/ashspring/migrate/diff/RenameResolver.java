package io.ashspring.migrate.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ashspring.migrate.MigrationHints;
import io.ashspring.migrate.Prompter;
import io.ashspring.migrate.Prompter.DropQuestion;
import io.ashspring.migrate.Prompter.RenameQuestion;
import io.ashspring.migrate.Prompter.Subject;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;

/**
 * Decides what disappeared-and-appeared means. A rename comes from a hint ({@code @Renamed}) or an
 * interactive answer, never from a guess; when neither is available and an added and a removed name
 * could be one thing, the run fails listing the candidates and the hint that settles it. What is left
 * disappeared is dropped only with an opt-in ({@code allowDrops}, {@code @Dropped}, a "yes").
 */
final class RenameResolver {

    private final MigrationHints hints;
    private final DropPolicy policy;
    private final Prompter prompter;
    private final Resolution resolution = new Resolution();

    RenameResolver(MigrationHints hints, DropPolicy policy, Prompter prompter) {
        this.hints = hints;
        this.policy = policy;
        this.prompter = prompter;
    }

    Resolution resolve(Map<QualifiedName, Table> old, Set<QualifiedName> retainedBefore, TableModel target,
                       Set<String> oldExtensions) {
        Map<QualifiedName, Table> now = new LinkedHashMap<>();
        target.tables().forEach(t -> now.put(t.qualifiedName(), t));
        List<QualifiedName> removed = new ArrayList<>();
        for (Table table : old.values()) {
            QualifiedName name = table.qualifiedName();
            if (now.containsKey(name)) {
                continue;
            }
            if (target.unmanaged().contains(name)) {
                resolution.keptTables.add(table);
                resolution.warnings.add("skipped " + name + ": its resource has migrate = false, so migrations leave it alone");
            } else if (retainedBefore.contains(name)) {
                resolution.keptTables.add(table);
                resolution.retained.add(name);
            } else {
                removed.add(name);
            }
        }
        List<QualifiedName> added = now.keySet().stream().filter(n -> !old.containsKey(n)).toList();
        resolveTables(removed, added, old);
        for (Map.Entry<QualifiedName, Table> entry : old.entrySet()) {
            Table paired = now.get(resolution.newName(entry.getKey()));
            if (paired != null) {
                resolveColumns(entry.getValue(), paired);
            }
        }
        resolveExtensions(oldExtensions, target.extensions());
        return resolution;
    }

    private void resolveTables(List<QualifiedName> removed, List<QualifiedName> added, Map<QualifiedName, Table> old) {
        Set<QualifiedName> candidates = new LinkedHashSet<>(removed);
        List<QualifiedName> unexplained = new ArrayList<>();
        for (QualifiedName table : added) {
            Optional<QualifiedName> previous = hints.previousTable(table).filter(candidates::contains);
            if (previous.isPresent()) {
                resolution.renamedTables.put(previous.get(), table);
                candidates.remove(previous.get());
            } else {
                unexplained.add(table);
            }
        }
        if (!candidates.isEmpty() && !unexplained.isEmpty() && policy != DropPolicy.SKIP) {
            for (QualifiedName table : unexplained) {
                if (candidates.isEmpty()) {
                    break;
                }
                List<String> names = candidates.stream().map(QualifiedName::toString).toList();
                if (prompter.interactive()) {
                    Optional<String> answer = prompter.askRename(new RenameQuestion(Subject.TABLE, table.schema(), table.toString(), names));
                    answer.map(a -> QualifiedName.parse(a, table.schema())).filter(candidates::contains).ifPresent(previous -> {
                        resolution.renamedTables.put(previous, table);
                        candidates.remove(previous);
                    });
                } else if (policy == DropPolicy.FAIL) {
                    resolution.problems.add("The table " + table + " is new and " + String.join(", ", names)
                            + (names.size() == 1 ? " is" : " are") + " gone. If it was renamed or moved, add @Renamed(from = \""
                            + hintText(candidates.iterator().next(), table) + "\") to its resource; if not, allow dropping "
                            + (names.size() == 1 ? "it" : "them") + " with allowDrops (-Dash.allowDrops=true)");
                    candidates.clear(); // reported once, not again as drops
                }
            }
        }
        for (QualifiedName table : candidates) {
            if (decideDrop(Subject.TABLE, table.toString(), "its resource is gone",
                    "allow it with allowDrops (-Dash.allowDrops=true), or add @Renamed(from = \"" + table.name()
                            + "\") to the resource that now holds it")) {
                resolution.droppedTables.add(old.get(table));
            } else {
                resolution.keptTables.add(old.get(table));
                resolution.retained.add(table);
            }
        }
    }

    private void resolveColumns(Table before, Table after) {
        QualifiedName table = after.qualifiedName();
        Set<String> newNames = new LinkedHashSet<>();
        after.columns().forEach(c -> newNames.add(c.name()));
        Set<String> candidates = new LinkedHashSet<>();
        before.columns().stream().map(Column::name).filter(n -> !newNames.contains(n)).forEach(candidates::add);
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> oldNames = new LinkedHashSet<>();
        before.columns().forEach(c -> oldNames.add(c.name()));
        List<String> unexplained = new ArrayList<>();
        for (String column : newNames) {
            if (oldNames.contains(column)) {
                continue;
            }
            Optional<String> previous = hints.previousColumn(table, column, candidates);
            if (previous.isPresent()) {
                rename(table, previous.get(), column);
                candidates.remove(previous.get());
            } else {
                unexplained.add(column);
            }
        }
        candidates.removeIf(c -> {
            boolean explicit = hints.mayDrop(table, c);
            if (explicit) {
                resolution.warnings.add("drops the column " + table + "." + c + " (declared with @Dropped): its data is lost");
            }
            return explicit;
        });
        if (!candidates.isEmpty() && !unexplained.isEmpty() && policy != DropPolicy.SKIP) {
            for (String column : unexplained) {
                if (candidates.isEmpty()) {
                    break;
                }
                if (prompter.interactive()) {
                    prompter.askRename(new RenameQuestion(Subject.COLUMN, table.toString(), column, List.copyOf(candidates)))
                            .filter(candidates::contains).ifPresent(previous -> {
                                rename(table, previous, column);
                                candidates.remove(previous);
                            });
                } else if (policy == DropPolicy.FAIL) {
                    String first = candidates.iterator().next();
                    resolution.problems.add("In " + table + ", the column '" + column + "' is new and "
                            + String.join(", ", candidates.stream().map(c -> "'" + c + "'").toList())
                            + (candidates.size() == 1 ? " is" : " are") + " gone. If it was renamed, add @Renamed(from = \""
                            + first + "\") to its component; if not, add @Dropped(\"" + first + "\") to the resource "
                            + "(or allow drops with -Dash.allowDrops=true)");
                    candidates.clear();
                }
            }
        }
        // a column of the old table missing from the new one is dropped by the table diff, unless kept here
        for (String column : candidates) {
            if (!decideDrop(Subject.COLUMN, table + "." + column, "its attribute is gone",
                    "add @Dropped(\"" + column + "\") to the resource, @Renamed(from = \"" + column
                            + "\") to the attribute that now holds it, or allow drops with -Dash.allowDrops=true")) {
                Column kept = before.column(column).orElseThrow();
                resolution.keptColumns.computeIfAbsent(table, t -> new ArrayList<>()).add(kept);
                if (!kept.nullable() && kept.defaultSql() == null) {
                    resolution.warnings.add("kept column " + table + "." + column + " is NOT NULL without a default: inserts "
                            + "that leave it out will fail until it is dropped or given a default");
                }
            }
        }
    }

    private void resolveExtensions(Set<String> before, Set<String> after) {
        for (String extension : before) {
            if (!after.contains(extension) && !decideDrop(Subject.EXTENSION, extension, "no resource or setting needs it anymore",
                    "keep declaring it (@Extensions or ash.extensions), or allow drops with -Dash.allowDrops=true")) {
                resolution.keptExtensions.add(extension);
            }
        }
    }

    /** Whether to drop; records a problem (and answers no) when nobody may decide. */
    private boolean decideDrop(Subject subject, String name, String reason, String fix) {
        switch (policy) {
            case ALLOW:
                resolution.warnings.add("drops the " + subject.label() + " " + name + " (" + reason + "): its data is lost");
                return true;
            case SKIP:
                resolution.warnings.add("kept the " + subject.label() + " " + name + " although " + reason
                        + ": migrations generated at startup never drop");
                return false;
            default:
                if (prompter.interactive()) {
                    boolean drop = prompter.askDrop(new DropQuestion(subject, name, reason));
                    if (drop) {
                        resolution.warnings.add("drops the " + subject.label() + " " + name + " (" + reason + "): its data is lost");
                    }
                    return drop;
                }
                resolution.problems.add("Would drop the " + subject.label() + " " + name + " (" + reason + "). To drop it, "
                        + fix + ". Nothing was written");
                return false;
        }
    }

    private void rename(QualifiedName table, String from, String to) {
        resolution.renamedColumns.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(from, to);
    }

    private static String hintText(QualifiedName previous, QualifiedName current) {
        return previous.schema().equals(current.schema()) ? previous.name() : previous.toString();
    }
}
