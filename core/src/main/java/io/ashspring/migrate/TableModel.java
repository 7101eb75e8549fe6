package io.ashspring.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.CheckConstraintModel;
import io.ashspring.resource.model.CustomIndexModel;
import io.ashspring.resource.model.IdentityModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * What the database should look like, derived from the registry: tables (several resources on one
 * table merge; a polymorphic resource yields one table per relationship that uses it), their
 * columns, keys, foreign keys, indexes, checks and custom statements, and the extensions needed.
 *
 * @param tables the tables, in registration order
 * @param extensions the extensions to install
 */
public record TableModel(List<Table> tables, Set<String> extensions) {

    /** Canonical constructor: copies. */
    public TableModel {
        tables = List.copyOf(tables);
        extensions = Set.copyOf(new LinkedHashSet<>(extensions));
    }

    /** A table. */
    public record Table(String schema, String name, List<Column> columns, List<String> primaryKey, String primaryKeyName,
                        List<ForeignKey> foreignKeys, List<Index> indexes, List<Check> checks,
                        List<Statement> statements) {
        /** Canonical constructor: copies. */
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            foreignKeys = List.copyOf(foreignKeys);
            indexes = List.copyOf(indexes);
            checks = List.copyOf(checks);
            statements = List.copyOf(statements);
        }
    }

    /** A column; {@code defaultSql} is SQL text (a literal already quoted) or {@code null}. */
    public record Column(String name, String type, boolean nullable, String defaultSql, boolean identity) {
    }

    /** A foreign key. */
    public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                             List<String> referencedColumns, io.ashspring.resource.OnDelete onDelete,
                             List<String> nilifyColumns, io.ashspring.resource.OnUpdate onUpdate,
                             io.ashspring.resource.Deferrable deferrable, boolean index) {
    }

    /** An index: {@code keys} are quoted columns or SQL expressions with their options. */
    public record Index(String name, List<String> keys, boolean unique, String where, String using, List<String> include,
                        boolean nullsDistinct, boolean concurrently) {
    }

    /** A check constraint. */
    public record Check(String name, String sql) {
    }

    /** A custom statement. */
    public record Statement(String name, String up, String down) {
    }

    /** Derives the table model of every resource whose migrations are managed. */
    public static TableModel from(ResourceRegistry registry) {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        Set<String> extensions = new LinkedHashSet<>();
        for (ResourceModel resource : registry.resources()) {
            if (!resource.migrate() || resource.polymorphic()) {
                continue;
            }
            tables.computeIfAbsent(resource.schema() + "." + resource.table(),
                    k -> new TableBuilder(resource.schema(), resource.table(), resource.primaryKeyName()))
                    .add(registry, resource, resource.table());
        }
        // a polymorphic resource lives in one table per relationship that uses it
        for (ResourceModel owner : registry.resources()) {
            for (RelationshipModel relationship : owner.relationships()) {
                if (relationship.table() == null) {
                    continue;
                }
                ResourceModel target = registry.resource(relationship.target());
                if (!target.migrate()) {
                    continue;
                }
                TableBuilder table = tables.computeIfAbsent(target.schema() + "." + relationship.table(),
                        k -> new TableBuilder(target.schema(), relationship.table(), relationship.table() + "_pkey"));
                table.add(registry, target, relationship.table());
                if (owner.table() != null && (relationship.kind() == RelationshipKind.HAS_MANY
                        || relationship.kind() == RelationshipKind.HAS_ONE)) {
                    AttributeModel destination = target.requireAttribute(relationship.destinationAttribute());
                    AttributeModel source = owner.requireAttribute(relationship.sourceAttribute());
                    table.foreignKeys.add(new ForeignKey(relationship.table() + "_" + destination.column() + "_fkey",
                            List.of(destination.column()), owner.schema(), owner.table(), List.of(source.column()),
                            io.ashspring.resource.OnDelete.DELETE, List.of(), io.ashspring.resource.OnUpdate.NOTHING,
                            io.ashspring.resource.Deferrable.NO, true));
                }
            }
        }
        for (TableBuilder table : tables.values()) {
            for (Column column : table.columns.values()) {
                if (column.type().startsWith("citext")) {
                    extensions.add("citext");
                }
            }
        }
        return new TableModel(tables.values().stream().map(TableBuilder::build).toList(), extensions);
    }

    /** Merges the resources stored in one table. */
    private static final class TableBuilder {
        final String schema;
        final String name;
        final String primaryKeyName;
        final Map<String, Column> columns = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final Map<String, Index> indexes = new LinkedHashMap<>();
        final Map<String, Check> checks = new LinkedHashMap<>();
        final Map<String, Statement> statements = new LinkedHashMap<>();

        TableBuilder(String schema, String name, String primaryKeyName) {
            this.schema = schema;
            this.name = name;
            this.primaryKeyName = primaryKeyName;
        }

        void add(ResourceRegistry registry, ResourceModel resource, String table) {
            for (AttributeModel attribute : resource.attributes()) {
                columns.putIfAbsent(attribute.column(), new Column(attribute.column(), attribute.type().sqlType(),
                        attribute.allowNil(), DefaultValues.sql(attribute),
                        attribute.keyGeneration() == io.ashspring.resource.KeyGeneration.IDENTITY));
                if (attribute.primaryKey() && !primaryKey.contains(attribute.column())) {
                    primaryKey.add(attribute.column());
                }
            }
            for (RelationshipModel relationship : resource.relationships()) {
                if (relationship.reference() == null || !relationship.reference().enabled()) {
                    continue;
                }
                ResourceModel target = registry.resource(relationship.target());
                if (target.table() == null) {
                    continue;
                }
                var reference = relationship.reference();
                String column = resource.requireAttribute(relationship.sourceAttribute()).column();
                String name = resource.table() == null ? table + "_" + column + "_fkey" : reference.name();
                if (foreignKeys.stream().anyMatch(f -> f.name().equals(name))) {
                    continue;
                }
                foreignKeys.add(new ForeignKey(name, List.of(column), target.schema(), target.table(),
                        List.of(target.requireAttribute(relationship.destinationAttribute()).column()),
                        reference.onDelete(), reference.nilifyColumns().stream()
                                .map(a -> resource.requireAttribute(a).column()).toList(),
                        reference.onUpdate(), reference.deferrable(), reference.index()));
            }
            for (IdentityModel identity : resource.identities()) {
                String indexName = resource.table() == null ? table + "_" + identity.name() + "_index" : identity.indexName();
                indexes.putIfAbsent(indexName, new Index(indexName, identity.keys().stream()
                        .map(k -> quote(resource.requireAttribute(k).column())).toList(), true, identity.where(), null,
                        List.of(), identity.nullsDistinct(), false));
            }
            for (CustomIndexModel index : resource.customIndexes()) {
                indexes.putIfAbsent(index.name(), new Index(index.name(), index.fields().stream()
                        .map(f -> indexKey(resource, f)).toList(), index.unique(), index.where(), index.using(),
                        index.include().stream().map(a -> quote(resource.requireAttribute(a).column())).toList(),
                        index.nullsDistinct(), index.concurrently()));
            }
            for (CheckConstraintModel check : resource.checkConstraints()) {
                if (check.check() != null) {
                    checks.putIfAbsent(check.name(), new Check(check.name(), check.check()));
                }
            }
            resource.customStatements().forEach(s -> statements.putIfAbsent(s.name(), new Statement(s.name(), s.up(), s.down())));
        }

        /** An attribute name (with an optional direction or operator class) becomes its quoted column. */
        private static String indexKey(ResourceModel resource, String field) {
            String trimmed = field.trim();
            String[] parts = trimmed.split("\\s+", 2);
            return resource.attribute(parts[0])
                    .map(a -> quote(a.column()) + (parts.length > 1 ? " " + parts[1] : ""))
                    .orElseGet(() -> resource.attributes().stream().anyMatch(a -> a.column().equals(parts[0]))
                            ? quote(parts[0]) + (parts.length > 1 ? " " + parts[1] : "")
                            : trimmed);
        }

        Table build() {
            return new Table(schema, name, List.copyOf(columns.values()), primaryKey, primaryKeyName, foreignKeys,
                    List.copyOf(indexes.values()), List.copyOf(checks.values()), List.copyOf(statements.values()));
        }
    }

    static String quote(String identifier) {
        return io.ashspring.sql.SqlIdentifiers.quote(identifier);
    }
}
