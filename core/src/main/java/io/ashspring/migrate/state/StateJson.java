package io.ashspring.migrate.state;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.model.Table;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON of the recorded state: tables as compact trees (empty and null fields left out), read back into records. */
final class StateJson {

    /** Identifies a state file. */
    static final String FORMAT = "ash-migration-state";

    /** The version written; files of a newer version are refused. */
    static final int VERSION = 1;

    static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                    JsonInclude.Include.ALWAYS))
            .build();

    private StateJson() {
    }

    static ObjectNode tree(Table table) {
        return (ObjectNode) MAPPER.valueToTree(table);
    }

    static Table table(JsonNode tree, String file) {
        try {
            return MAPPER.treeToValue(tree, Table.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MigrationException(file + ": a table in this state file cannot be read (" + message(e)
                    + "). It was probably edited by hand or merged badly: restore it from version control.", e);
        }
    }

    static JsonNode parse(String content, String file) {
        try {
            return MAPPER.readTree(content);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new MigrationException(file + ": not valid JSON" + where + " (" + e.getOriginalMessage() + "). It was "
                    + "probably edited by hand or merged badly: restore it from version control (git checkout -- " + file + ")", e);
        }
    }

    static String pretty(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    private static String message(Exception e) {
        return e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    }
}
