package io.ashspring.migrate.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes what one run changed in the recorded state: for each table that differs, its new definition
 * (created), the elements that changed (patched), or that it is gone (dropped); and extensions
 * installed or removed. Tables nobody changed are not mentioned, so runs on different branches touch
 * different keys of different files.
 */
public final class StateChange {

    private StateChange() {
    }

    /**
     * The state file content from {@code before} to {@code after}, or {@code null} when nothing changed.
     *
     * @param changelog the changelog file this state belongs to (for readers), or {@code null}
     */
    public static String between(RecordedState before, RecordedState after, String changelog) {
        return between(before, after, changelog, false);
    }

    /**
     * {@link #between(RecordedState, RecordedState, String)}, marked {@code "dev": true} when {@code dev}: the
     * state of a throw-away dev run ({@link StateFile#dev()}).
     */
    public static String between(RecordedState before, RecordedState after, String changelog, boolean dev) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode extensions = nodes.objectNode();
        after.model().extensions().stream().filter(e -> !before.model().extensions().contains(e))
                .forEach(e -> extensions.put(e, true));
        before.model().extensions().stream().filter(e -> !after.model().extensions().contains(e))
                .forEach(e -> extensions.put(e, false));
        Map<QualifiedName, Table> old = byName(before);
        Map<QualifiedName, Table> now = byName(after);
        Set<QualifiedName> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        names.addAll(before.retained());
        names.addAll(after.retained());
        ObjectNode tables = nodes.objectNode();
        for (QualifiedName name : names) {
            ObjectNode entry = entry(old.get(name), now.get(name));
            boolean wasRetained = before.retained().contains(name);
            boolean isRetained = after.retained().contains(name);
            if (wasRetained != isRetained && now.containsKey(name)) {
                entry.put("retained", isRetained);
            }
            if (!entry.isEmpty()) {
                tables.set(name.toString(), entry);
            }
        }
        if (extensions.isEmpty() && tables.isEmpty()) {
            return null;
        }
        ObjectNode root = nodes.objectNode();
        root.put("format", StateJson.FORMAT);
        root.put("version", StateJson.VERSION);
        if (changelog != null) {
            root.put("changelog", changelog);
        }
        if (dev) {
            root.put("dev", true);
        }
        if (!extensions.isEmpty()) {
            root.set("extensions", extensions);
        }
        if (!tables.isEmpty()) {
            root.set("tables", tables);
        }
        return StateJson.pretty(root);
    }

    private static ObjectNode entry(Table before, Table after) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        if (before == null && after != null) {
            entry.set("create", StateJson.tree(after));
        } else if (before != null && after == null) {
            entry.put("drop", true);
        } else if (before != null && !before.equals(after)) {
            ObjectNode patch = TablePatch.between(StateJson.tree(before), StateJson.tree(after));
            if (!patch.isEmpty()) {
                entry.set("patch", patch);
            }
        }
        return entry;
    }

    private static Map<QualifiedName, Table> byName(RecordedState state) {
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        state.model().tables().forEach(t -> tables.put(t.qualifiedName(), t));
        return tables;
    }
}
