package io.ashspring.resource.model;

import java.util.List;
import java.util.Map;

/**
 * What a resource says only to the migration generator: hints about renames and drops, and table
 * details that have no effect at run time.
 *
 * @param renamedFrom the table's previous name ({@code table} or {@code schema.table}), or {@code null}
 * @param renamedColumns attribute name → its column's previous name
 * @param droppedColumns columns that may be dropped
 * @param createTableOptions SQL appended to {@code CREATE TABLE}, or {@code null}
 * @param baseFilterSql the SQL form of the base filter, or {@code null}
 * @param ignoredAttributes attributes left out of migrations
 * @param extensions PostgreSQL extensions the resource needs
 */
public record MigrationOptions(String renamedFrom, Map<String, String> renamedColumns, List<String> droppedColumns,
                               String createTableOptions, String baseFilterSql, List<String> ignoredAttributes,
                               List<String> extensions) {

    /** No hints, no options. */
    public static final MigrationOptions NONE = new MigrationOptions(null, Map.of(), List.of(), null, null, List.of(), List.of());

    /** Canonical constructor: copies. */
    public MigrationOptions {
        renamedColumns = Map.copyOf(renamedColumns);
        droppedColumns = List.copyOf(droppedColumns);
        ignoredAttributes = List.copyOf(ignoredAttributes);
        extensions = List.copyOf(extensions);
    }
}
