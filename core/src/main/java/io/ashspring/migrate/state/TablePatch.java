package io.ashspring.migrate.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The element-level difference between two JSON forms of a table: for each list of named elements
 * (columns, foreign keys, indexes, checks, statements) the elements added or changed (their whole new
 * definition) and those removed ({@code null}); for the primary key and create options, the new value.
 * Applying patches made on two branches from the same table in either order gives both changes.
 */
final class TablePatch {

    /** Table fields that hold lists of elements identified by their {@code name}. */
    static final List<String> NAMED_LISTS = List.of("columns", "foreignKeys", "indexes", "checks", "statements");

    /** Table fields that hold one value, replaced as a whole. */
    static final List<String> VALUES = List.of("primaryKey", "createOptions");

    private TablePatch() {
    }

    /** The patch from {@code before} to {@code after}; an empty object when they are equal. */
    static ObjectNode between(ObjectNode before, ObjectNode after) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (String field : NAMED_LISTS) {
            Map<String, JsonNode> old = byName(before.get(field));
            Map<String, JsonNode> now = byName(after.get(field));
            ObjectNode changes = JsonNodeFactory.instance.objectNode();
            now.forEach((name, element) -> {
                if (!element.equals(old.get(name))) {
                    changes.set(name, element);
                }
            });
            old.keySet().stream().filter(name -> !now.containsKey(name)).forEach(name -> changes.set(name, NullNode.getInstance()));
            if (!changes.isEmpty()) {
                patch.set(field, changes);
            }
        }
        for (String field : VALUES) {
            JsonNode old = before.get(field);
            JsonNode now = after.get(field);
            if (!Objects.equals(old, now)) {
                patch.set(field, now == null ? NullNode.getInstance() : now);
            }
        }
        return patch;
    }

    /** Applies a patch to a table's JSON form, in place: changed elements keep their position, new ones go last. */
    static void apply(ObjectNode table, JsonNode patch) {
        for (String field : NAMED_LISTS) {
            JsonNode changes = patch.get(field);
            if (changes == null || !changes.isObject()) {
                continue;
            }
            Map<String, JsonNode> elements = byName(table.get(field));
            for (Map.Entry<String, JsonNode> change : changes.properties()) {
                if (change.getValue().isNull()) {
                    elements.remove(change.getKey());
                } else {
                    elements.put(change.getKey(), change.getValue());
                }
            }
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            elements.values().forEach(list::add);
            if (list.isEmpty()) {
                table.remove(field);
            } else {
                table.set(field, list);
            }
        }
        for (String field : VALUES) {
            JsonNode value = patch.get(field);
            if (value == null) {
                continue;
            }
            if (value.isNull()) {
                table.remove(field);
            } else {
                table.set(field, value);
            }
        }
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        if (list != null && list.isArray()) {
            for (JsonNode element : list) {
                elements.put(element.path("name").asString(), element);
            }
        }
        return elements;
    }
}
