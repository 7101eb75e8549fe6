package io.ashspring.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.ashspring.resource.ResourceReader.ResourceDraft;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.MigrationOptions;

/** Validates and freezes what a resource says only to migrations: rename and drop hints, table options. */
final class MigrationOptionsLinker {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,62}");

    private final Problems problems;

    MigrationOptionsLinker(Problems problems) {
        this.problems = problems;
    }

    MigrationOptions link(ResourceDraft d, Map<String, AttributeModel> attributes) {
        String r = d.simpleName();
        ResourceSpec<?> spec = d.spec;
        if (spec.renamedFrom != null) {
            if (d.polymorphic) {
                problems.add(r, "@Renamed", "is polymorphic, so it has no table of its own to rename",
                        "remove @Renamed; rename the table on the relationship instead");
            }
            String[] parts = spec.renamedFrom.split("\\.", -1);
            if (parts.length > 2) {
                problems.add(r, "@Renamed", "names '" + spec.renamedFrom + "', which is not a table or schema.table",
                        "write @Renamed(from = \"old_table\") or @Renamed(from = \"old_schema.old_table\")");
            } else {
                for (String part : parts) {
                    problems.checkIdentifier(r, "@Renamed", "previous table", part);
                }
            }
        }
        Map<String, String> renamedColumns = new LinkedHashMap<>();
        spec.attributes.forEach((name, attributeSpec) -> {
            if (attributeSpec.renamedFrom == null || !attributes.containsKey(name)) {
                return; // unknown attributes are reported by the linker
            }
            problems.checkIdentifier(r, name, "previous column", attributeSpec.renamedFrom);
            if (attributeSpec.renamedFrom.equals(attributes.get(name).column())) {
                problems.add(r, name, "is @Renamed from '" + attributeSpec.renamedFrom + "', which is its current column",
                        "name the previous column, or remove the hint");
            }
            renamedColumns.put(name, attributeSpec.renamedFrom);
        });
        for (String column : spec.droppedColumns) {
            problems.checkIdentifier(r, "@Dropped", "column", column);
            if (attributes.values().stream().anyMatch(a -> a.column().equals(column))) {
                problems.add(r, "@Dropped", "lists '" + column + "', which is still a column of the resource",
                        "remove it from @Dropped, or remove the attribute");
            }
        }
        for (String extension : spec.extensions) {
            if (extension == null || !EXTENSION.matcher(extension).matches()) {
                problems.add(r, "@Extensions", "names the extension '" + extension + "'",
                        "use the extension's name as CREATE EXTENSION knows it, e.g. pg_trgm or uuid-ossp");
            }
        }
        List<String> ignored = new ArrayList<>();
        for (String attribute : spec.ignoredAttributes) {
            AttributeModel model = attributes.get(attribute);
            if (model == null) {
                problems.add(r, "ignoreAttributes", "names the unknown attribute '" + attribute + "'",
                        "use one of: " + String.join(", ", attributes.keySet()));
            } else if (model.primaryKey()) {
                problems.add(r, attribute, "is part of the primary key but is ignored by migrations",
                        "remove it from ignoreAttributes");
            } else {
                ignored.add(attribute);
            }
        }
        if (spec.createTableOptions != null && spec.createTableOptions.isBlank()) {
            problems.add(r, "createTableOptions", "is blank", "remove it, or write the SQL to append to CREATE TABLE");
        }
        return new MigrationOptions(spec.renamedFrom, renamedColumns, spec.droppedColumns, blankToNull(spec.createTableOptions),
                blankToNull(spec.baseFilterSql), ignored, spec.extensions);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
