package io.ashspring.migrate.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Folds state files, in name order, into the recorded state. Each file says, per table, {@code create}
 * (the whole table), {@code patch} (elements changed or removed), {@code drop}, or {@code retained},
 * and which extensions were installed ({@code true}) or removed ({@code false}).
 */
public final class StateFolder {

    private final Map<QualifiedName, ObjectNode> tables = new LinkedHashMap<>();
    private final Set<String> extensions = new LinkedHashSet<>();
    private final Set<QualifiedName> retained = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();

    private StateFolder() {
    }

    /**
     * Folds the files in name order.
     *
     * @throws MigrationException naming the file when one is not valid JSON, not a state file, or of a newer version
     */
    public static RecordedState fold(List<StateFile> files) {
        List<StateFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(StateFile::name));
        StateFolder folder = new StateFolder();
        sorted.forEach(folder::apply);
        List<Table> built = new ArrayList<>();
        folder.tables.forEach((name, tree) -> built.add(StateJson.table(tree, "the state of " + name)));
        return new RecordedState(new TableModel(built, folder.extensions), folder.retained,
                sorted.stream().map(StateFile::name).toList(), folder.warnings);
    }

    private void apply(StateFile file) {
        JsonNode root = StateJson.parse(file.content(), file.name());
        if (!root.isObject() || !StateJson.FORMAT.equals(root.path("format").asString(null))) {
            throw new MigrationException(file.name() + ": not an Ash state file (no \"format\": \"" + StateJson.FORMAT
                    + "\"). Only files written by codegen belong in the state folder: move it elsewhere, or restore it "
                    + "from version control");
        }
        int version = root.path("version").asInt(-1);
        if (version != StateJson.VERSION) {
            throw new MigrationException(file.name() + ": state version " + version + ", but this version of Ash reads version "
                    + StateJson.VERSION + (version > StateJson.VERSION ? ". It was written by a newer Ash: upgrade Ash"
                    : ". It was edited by hand: restore it from version control"));
        }
        for (Map.Entry<String, JsonNode> extension : root.path("extensions").properties()) {
            if (extension.getValue().asBoolean()) {
                extensions.add(extension.getKey());
            } else {
                extensions.remove(extension.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> entry : root.path("tables").properties()) {
            applyTable(file.name(), QualifiedName.parse(entry.getKey(), "public"), entry.getValue());
        }
    }

    private void applyTable(String file, QualifiedName name, JsonNode change) {
        if (change.has("create")) {
            tables.put(name, (ObjectNode) change.get("create").deepCopy());
        } else if (change.has("patch")) {
            ObjectNode table = tables.get(name);
            if (table == null) {
                warnings.add(file + " changes the table " + name + ", which no earlier state file creates (another branch "
                        + "may have renamed or dropped it); the change is ignored and the next diff shows what remains");
            } else {
                TablePatch.apply(table, change.get("patch"));
            }
        } else if (change.path("drop").asBoolean()) {
            tables.remove(name);
            retained.remove(name);
        }
        if (change.has("retained")) {
            if (change.get("retained").asBoolean()) {
                retained.add(name);
            } else {
                retained.remove(name);
            }
        }
    }
}
