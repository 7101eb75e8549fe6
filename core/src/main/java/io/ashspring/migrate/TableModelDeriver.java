package io.ashspring.migrate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.MatchType;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ConstraintNames;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Derives the {@link TableModel} from the registry: one {@link TableMerge} per table, fed by every
 * resource stored in it, then checked as a whole (names unique per schema, no conflicting declarations).
 *
 * <p>Either the global tables (every resource but those with a schema per tenant, unless they are also
 * {@code global}) or the tenant tables (the schema-per-tenant resources, in {@link TableModel#TENANT_SCHEMA}).
 */
final class TableModelDeriver {

    private final ResourceRegistry registry;
    private final boolean tenants;
    private final Map<QualifiedName, TableMerge> tables = new LinkedHashMap<>();
    private final Set<QualifiedName> unmanaged = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    TableModelDeriver(ResourceRegistry registry, boolean tenants) {
        this.registry = registry;
        this.tenants = tenants;
    }

    /** Whether the resource's table belongs to the model derived: global tables, or tenant tables. */
    private boolean includes(ResourceModel resource) {
        return tenants ? resource.tenancy().bySchema() : !resource.tenancy().bySchema() || resource.tenancy().global();
    }

    /** Where the resource's table is: in the tenant model, the placeholder schema; else its own. */
    private String schemaOf(ResourceModel resource) {
        return tenants && resource.tenancy().bySchema() ? TableModel.TENANT_SCHEMA : resource.schema();
    }

    TableModel derive(Collection<String> configuredExtensions) {
        for (ResourceModel resource : registry.resources()) {
            if (resource.polymorphic() || !includes(resource)) {
                continue;
            }
            QualifiedName name = new QualifiedName(schemaOf(resource), resource.table());
            if (!resource.migrate()) {
                unmanaged.add(name);
                continue;
            }
            merge(name).add(resource);
        }
        for (ResourceModel owner : registry.resources()) {
            for (RelationshipModel relationship : owner.relationships()) {
                if (relationship.table() != null && includes(registry.inTable(relationship.target(), relationship.table()))) {
                    addPolymorphicTable(owner, relationship);
                }
            }
        }
        List<Table> built = new ArrayList<>();
        for (TableMerge merge : tables.values()) {
            built.add(tenants ? toTenantTables(merge.build()) : merge.build());
            problems.addAll(merge.problems());
        }
        checkNamesPerSchema(built);
        if (!problems.isEmpty()) {
            throw new MigrationException("The resources cannot be turned into tables", problems);
        }
        if (tenants) { // extensions are database-wide: the global changelogs create them
            return new TableModel(built, Set.of(), unmanaged);
        }
        Set<String> extensions = new LinkedHashSet<>(configuredExtensions);
        // the tenant tables' implied extensions too: a tenant schema's tables need them, the global changelog makes them
        new TableModelDeriver(registry, true).tenantTables().forEach(t -> extensions.addAll(ImpliedExtensions.of(t)));
        registry.resources().forEach(r -> extensions.addAll(r.migrationOptions().extensions()));
        built.forEach(t -> extensions.addAll(ImpliedExtensions.of(t)));
        return new TableModel(built, extensions, unmanaged);
    }

    /** The tenant tables alone, unchecked (for their implied extensions). */
    private List<Table> tenantTables() {
        for (ResourceModel resource : registry.resources()) {
            if (!resource.polymorphic() && includes(resource) && resource.migrate()) {
                merge(new QualifiedName(schemaOf(resource), resource.table())).add(resource);
            }
        }
        return tables.values().stream().map(TableMerge::build).toList();
    }

    /** Foreign keys to another schema-per-tenant table point into the same tenant schema. */
    private Table toTenantTables(Table table) {
        Set<String> tenantTables = new java.util.HashSet<>();
        registry.resources().stream().filter(r -> r.tenancy().bySchema() && r.table() != null).forEach(r -> tenantTables.add(
                r.schema() + "." + r.table()));
        return table.withForeignKeys(table.foreignKeys().stream().map(fk -> tenantTables.contains(fk.referencedSchema() + "."
                + fk.referencedTable()) ? new ForeignKey(fk.name(), fk.columns(), TableModel.TENANT_SCHEMA, fk.referencedTable(),
                fk.referencedColumns(), fk.onDelete(), fk.nilifyColumns(), fk.onUpdate(), fk.deferrable(), fk.match()) : fk).toList());
    }

    private TableMerge merge(QualifiedName name) {
        return tables.computeIfAbsent(name, n -> new TableMerge(n, registry));
    }

    /** A polymorphic resource gets a table per relationship, with a foreign key back to the owner. */
    private void addPolymorphicTable(ResourceModel owner, RelationshipModel relationship) {
        ResourceModel target = registry.inTable(relationship.target(), relationship.table());
        QualifiedName name = new QualifiedName(schemaOf(target), relationship.table());
        if (!target.migrate()) {
            unmanaged.add(name);
            return;
        }
        TableMerge table = merge(name);
        table.add(target);
        boolean toMany = relationship.kind() == RelationshipKind.HAS_MANY || relationship.kind() == RelationshipKind.HAS_ONE;
        if (owner.table() == null || !toMany) {
            return;
        }
        AttributeModel destination = target.requireAttribute(relationship.destinationAttribute());
        AttributeModel source = owner.requireAttribute(relationship.sourceAttribute());
        String column = destination.column();
        table.addForeignKey(owner, new ForeignKey(ConstraintNames.foreignKey(name.name(), column), List.of(column), schemaOf(owner),
                owner.table(), List.of(source.column()), OnDelete.DELETE, List.of(), OnUpdate.NOTHING, Deferrable.NO,
                MatchType.SIMPLE));
        table.addIndex(owner, new Index(ConstraintNames.index(name.name(), List.of(column)), List.of(IndexKey.column(column)), false, null,
                null, List.of(), true, false));
    }

    /** Tables, indexes and key constraints share one namespace per schema in PostgreSQL. */
    private void checkNamesPerSchema(List<Table> built) {
        Map<QualifiedName, String> owners = new LinkedHashMap<>();
        unmanaged.forEach(u -> owners.put(u, "table " + u + " (migrate = false)"));
        for (Table table : built) {
            claim(owners, table.qualifiedName(), "table " + table.qualifiedName());
            if (table.primaryKey() != null) {
                claim(owners, new QualifiedName(table.schema(), table.primaryKey().name()), "primary key of " + table.qualifiedName());
            }
            for (Index index : table.indexes()) {
                claim(owners, new QualifiedName(table.schema(), index.name()), "index on " + table.qualifiedName());
            }
        }
    }

    private void claim(Map<QualifiedName, String> owners, QualifiedName name, String what) {
        String other = owners.putIfAbsent(name, what);
        if (other != null) {
            problems.add("the name " + name + " is used by the " + what + " and by the " + other
                    + ". Fix: give one of them another name (names are unique per schema in PostgreSQL)");
        }
    }
}
