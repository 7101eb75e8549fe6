package io.ashspring.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ashspring.migrate.model.Check;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.PrimaryKey;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Statement;
import io.ashspring.migrate.model.Table;
import io.ashspring.resource.KeyGeneration;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.CheckConstraintModel;
import io.ashspring.resource.model.ConstraintNames;
import io.ashspring.resource.model.CustomIndexModel;
import io.ashspring.resource.model.IdentityModel;
import io.ashspring.resource.model.MigrationOptions;
import io.ashspring.resource.model.ReferenceModel;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * One table, merged from every resource stored in it. An element two resources both declare must be
 * declared the same way; a difference is a problem naming both resources.
 */
final class TableMerge {

    private final QualifiedName name;
    private final ResourceRegistry registry;
    private final Elements<Column> columns = new Elements<>("column");
    private final Elements<ForeignKey> foreignKeys = new Elements<>("foreign key");
    private final Elements<Index> indexes = new Elements<>("index");
    private final Elements<Check> checks = new Elements<>("check constraint");
    private final Elements<Statement> statements = new Elements<>("custom statement");
    private final List<String> primaryKey = new ArrayList<>();
    private String primaryKeyOwner;
    private String createOptions;
    private String createOptionsOwner;
    private final List<String> problems = new ArrayList<>();

    TableMerge(QualifiedName name, ResourceRegistry registry) {
        this.name = name;
        this.registry = registry;
    }

    /** Adds what a resource stored in this table declares (a polymorphic one bound to this table, with its names here). */
    void add(ResourceModel resource) {
        String owner = resource.type().getSimpleName();
        MigrationOptions options = resource.migrationOptions();
        List<String> key = new ArrayList<>();
        for (AttributeModel attribute : resource.attributes()) {
            if (options.ignoredAttributes().contains(attribute.name())) {
                continue;
            }
            columns.put(owner, attribute.column(), column(attribute));
            if (attribute.primaryKey()) {
                key.add(attribute.column());
            }
        }
        mergePrimaryKey(owner, key);
        mergeCreateOptions(owner, options.createTableOptions());
        for (RelationshipModel relationship : resource.relationships()) {
            ReferenceModel reference = relationship.reference();
            if (reference != null && reference.enabled()) {
                reference(resource, relationship, reference);
            }
        }
        for (IdentityModel identity : resource.identities()) {
            indexes.put(owner, identity.indexName(), new Index(identity.indexName(), tenantFirst(resource, true,
                    identity.keys().stream().map(k -> IndexKey.column(resource.requireAttribute(k).column())).toList()),
                    true, and(identity.where(), options.baseFilterSql()), null, List.of(), identity.nullsDistinct(), false));
        }
        for (CustomIndexModel index : resource.customIndexes()) {
            indexes.put(owner, index.name(), new Index(index.name(), tenantFirst(resource, index.unique(),
                    index.fields().stream().map(f -> indexKey(resource, f)).toList()),
                    index.unique(), index.where(), index.using(),
                    index.include().stream().map(a -> resource.requireAttribute(a).column()).toList(),
                    index.nullsDistinct(), index.concurrently()));
        }
        for (CheckConstraintModel check : resource.checkConstraints()) {
            if (check.check() != null) {
                String sql = options.baseFilterSql() == null ? check.check()
                        : "(" + check.check() + ") OR NOT (" + options.baseFilterSql() + ")";
                checks.put(owner, check.name(), new Check(check.name(), sql,
                        check.fields().stream().map(f -> resource.attribute(f).map(AttributeModel::column).orElse(f)).toList()));
            }
        }
        resource.customStatements().forEach(s -> statements.put(owner, s.name(), new Statement(s.name(), s.up(), s.down())));
    }

    /**
     * The keys of a unique index of an attribute-multitenant resource, led by the tenant column (added when the
     * keys lack it): the same value may then exist once per tenant, and the index serves the tenant's filter.
     */
    private static List<IndexKey> tenantFirst(ResourceModel resource, boolean unique, List<IndexKey> keys) {
        if (!unique || !resource.tenancy().byAttribute()) {
            return keys;
        }
        IndexKey tenant = IndexKey.column(resource.requireAttribute(resource.tenancy().attribute()).column());
        List<IndexKey> led = new ArrayList<>();
        led.add(tenant);
        keys.stream().filter(k -> !k.equals(tenant)).forEach(led::add);
        return led;
    }

    void addForeignKey(ResourceModel owner, ForeignKey foreignKey) {
        foreignKeys.put(owner.type().getSimpleName(), foreignKey.name(), foreignKey);
    }

    void addIndex(ResourceModel owner, Index index) {
        indexes.put(owner.type().getSimpleName(), index.name(), index);
    }

    Table build() {
        PrimaryKey key = primaryKey.isEmpty() ? null : new PrimaryKey(ConstraintNames.primaryKey(name.name()), primaryKey);
        return new Table(name.schema(), name.name(), columns.values(), key, foreignKeys.values(), indexes.values(),
                checks.values(), statements.values(), createOptions);
    }

    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        for (Elements<?> elements : List.of(columns, foreignKeys, indexes, checks, statements)) {
            all.addAll(elements.problems);
        }
        return all;
    }

    private Column column(AttributeModel attribute) {
        String type = attribute.type().sqlType();
        ColumnGeneration generation = ColumnGeneration.NONE;
        String serialBase = switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "serial", "serial4" -> "integer";
            case "bigserial", "serial8" -> "bigint";
            case "smallserial", "serial2" -> "smallint";
            default -> null;
        };
        if (serialBase != null) {
            type = serialBase;
            generation = ColumnGeneration.SERIAL;
        } else if (attribute.keyGeneration() == KeyGeneration.IDENTITY) {
            generation = ColumnGeneration.IDENTITY;
        }
        String defaultSql = generation == ColumnGeneration.NONE ? DefaultValues.sql(attribute) : null;
        return new Column(attribute.column(), type, attribute.allowNil(), defaultSql, generation);
    }

    private void reference(ResourceModel resource, RelationshipModel relationship, ReferenceModel reference) {
        ResourceModel target = registry.resource(relationship.target());
        if (target.table() == null) {
            return; // a polymorphic target has no single table to point at
        }
        String owner = resource.type().getSimpleName();
        String column = resource.requireAttribute(relationship.sourceAttribute()).column();
        String fkName = reference.name(); // a polymorphic resource's, bound to this table, names it after the table
        List<String> columns = new ArrayList<>(List.of(column));
        List<String> referenced = new ArrayList<>(List.of(target.requireAttribute(relationship.destinationAttribute()).column()));
        for (ReferenceModel.MatchColumn match : reference.matchWith()) {
            columns.add(resource.requireAttribute(match.source()).column());
            referenced.add(target.requireAttribute(match.destination()).column());
        }
        foreignKeys.put(owner, fkName, new ForeignKey(fkName, columns, target.schema(), target.table(), referenced,
                reference.onDelete(), reference.nilifyColumns().stream().map(a -> resource.requireAttribute(a).column()).toList(),
                reference.onUpdate(), reference.deferrable(), reference.matchType()));
        if (reference.index()) {
            String where = reference.indexWhere();
            if (where != null && where.trim().equalsIgnoreCase("not nil")) {
                where = quote(column) + " IS NOT NULL";
            }
            String indexName = ConstraintNames.index(name.name(), List.of(column));
            indexes.put(owner, indexName, new Index(indexName, columns.stream().map(IndexKey::column).toList(), false, where, null,
                    List.of(), true, false));
        }
    }

    /** An attribute name (with an optional direction or operator class) becomes its column; anything else is SQL. */
    private static IndexKey indexKey(ResourceModel resource, String field) {
        String trimmed = field.trim();
        String[] parts = trimmed.split("\\s+", 2);
        String options = parts.length > 1 ? parts[1] : null;
        return resource.attribute(parts[0]).map(a -> new IndexKey(a.column(), null, options))
                .orElseGet(() -> resource.attributes().stream().anyMatch(a -> a.column().equals(parts[0]))
                        ? new IndexKey(parts[0], null, options)
                        : new IndexKey(null, trimmed, null));
    }

    private void mergePrimaryKey(String owner, List<String> key) {
        if (primaryKeyOwner == null) {
            primaryKey.addAll(key);
            primaryKeyOwner = owner;
        } else if (!primaryKey.equals(key)) {
            problems.add(owner + " and " + primaryKeyOwner + " share the table " + name + " but declare different primary keys "
                    + key + " and " + primaryKey + ". Fix: declare the same @PrimaryKey components on both");
        }
    }

    private void mergeCreateOptions(String owner, String options) {
        if (options == null) {
            return;
        }
        if (createOptions == null) {
            createOptions = options;
            createOptionsOwner = owner;
        } else if (!createOptions.equals(options)) {
            problems.add(owner + " and " + createOptionsOwner + " share the table " + name + " but declare different "
                    + "createTableOptions. Fix: declare them on one resource only");
        }
    }

    private static String and(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : "(" + first + ") AND (" + second + ")";
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** Named elements of one kind, in the order first declared, with the resource that declared each. */
    private final class Elements<T> {
        private final String kind;
        private final Map<String, T> byName = new LinkedHashMap<>();
        private final Map<String, String> owners = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        Elements(String kind) {
            this.kind = kind;
        }

        void put(String owner, String elementName, T element) {
            T existing = byName.putIfAbsent(elementName, element);
            if (existing == null) {
                owners.put(elementName, owner);
            } else if (!Objects.equals(existing, element)) {
                problems.add(owner + " and " + owners.get(elementName) + " share the table " + name + " but declare the "
                        + kind + " '" + elementName + "' differently (" + element + " vs " + existing
                        + "). Fix: declare it the same way on both, or on one of them only");
            }
        }

        List<T> values() {
            return List.copyOf(byName.values());
        }
    }
}
