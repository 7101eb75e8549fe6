package io.ashspring.migrate;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;
import io.ashspring.resource.ResourceRegistry;

/**
 * What the database should look like, derived from the registry: tables (several resources on one
 * table merge; a polymorphic resource yields one table per relationship that uses it, each with a
 * foreign key back to its owner), their columns, keys, foreign keys, indexes, checks and custom
 * statements, and the extensions to install. The same record is the recorded state of what earlier
 * migrations created, read back from JSON.
 *
 * @param tables the managed tables, in registration order
 * @param extensions the extensions to install, sorted
 * @param unmanaged tables of resources with {@code migrate = false}: never created, altered or dropped
 */
public record TableModel(List<Table> tables, Set<String> extensions, Set<QualifiedName> unmanaged) {

    /**
     * The schema the tenant tables ({@link #forTenants}) are in: a placeholder that the tenant changelogs write as the
     * Liquibase parameter {@code ${tenantSchema}}, and that each tenant's migration replaces by the tenant's schema.
     */
    public static final String TENANT_SCHEMA = "ash_tenant_schema";

    /** Canonical constructor: copies; sorts the sets so that output is stable. */
    public TableModel {
        tables = List.copyOf(tables);
        extensions = Collections.unmodifiableSortedSet(new TreeSet<>(extensions));
        unmanaged = Collections.unmodifiableSortedSet(new TreeSet<>(unmanaged));
    }

    /** A model of managed tables only. */
    public TableModel(List<Table> tables, Set<String> extensions) {
        this(tables, extensions, Set.of());
    }

    /** No tables, no extensions: the state of an empty database. */
    public static TableModel empty() {
        return new TableModel(List.of(), Set.of(), Set.of());
    }

    /** Derives the table model of every resource whose migrations are managed. */
    public static TableModel from(ResourceRegistry registry) {
        return from(registry, Set.of());
    }

    /**
     * Derives the table model of the global schema, adding extensions from configuration ({@code ash.extensions})
     * to those the resources declare or imply. Resources with a schema per tenant
     * ({@code @Multitenancy(strategy = CONTEXT)}) are left out, unless they are also {@code global}: their tables
     * are in {@link #forTenants}.
     *
     * @throws MigrationException listing resources that share a table but disagree about it, and
     *                            names used twice in one schema
     */
    public static TableModel from(ResourceRegistry registry, Collection<String> extensions) {
        return new TableModelDeriver(registry, false).derive(extensions);
    }

    /**
     * Derives the table model of one tenant schema: the tables of the resources with a schema per tenant
     * ({@code @Multitenancy(strategy = CONTEXT)}), in the placeholder schema {@link #TENANT_SCHEMA}, foreign keys
     * between them staying in the tenant's schema; no extensions (the global model creates them).
     *
     * @throws MigrationException as {@link #from(ResourceRegistry, Collection)}
     */
    public static TableModel forTenants(ResourceRegistry registry) {
        return new TableModelDeriver(registry, true).derive(Set.of());
    }

    /** Whether the model has no table and no extension. */
    public boolean isEmpty() {
        return tables.isEmpty() && extensions.isEmpty();
    }

    /** The table with this qualified name. */
    public Optional<Table> table(QualifiedName name) {
        return tables.stream().filter(t -> t.qualifiedName().equals(name)).findFirst();
    }

    /** The schemas of the tables, sorted. */
    public Set<String> schemas() {
        Set<String> schemas = new TreeSet<>();
        tables.forEach(t -> schemas.add(t.schema()));
        return Collections.unmodifiableSet(schemas);
    }
}
