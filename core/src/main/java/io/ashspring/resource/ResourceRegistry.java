package io.ashspring.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ashspring.resource.ResourceReader.ResourceDraft;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.type.TypeRegistry;

/**
 * The one immutable, validated model of all resources of an application. Built once (at startup,
 * or by the Maven plugin at build time); every other part reads only this.
 *
 * <pre>{@code
 * ResourceRegistry registry = ResourceRegistry.of(Ticket.class, Representative.class, Comment.class);
 * ResourceModel tickets = registry.resource(Ticket.class);
 * }</pre>
 *
 * Building validates all resources together and throws one {@link ResourceModelException} listing
 * every problem (class, member, fix), not just the first.
 */
public final class ResourceRegistry {

    private final Map<Class<?>, ResourceModel> byType = new LinkedHashMap<>();
    private final Map<String, ResourceModel> byName = new LinkedHashMap<>();
    /** Polymorphic resources bound to each table a relationship names for them, one model per table. */
    private final Map<Class<?>, Map<String, ResourceModel>> polymorphicTables = new LinkedHashMap<>();
    private final TypeRegistry types;

    private ResourceRegistry(List<ResourceModel> models, TypeRegistry types) {
        models.forEach(m -> {
            byType.put(m.type(), m);
            byName.put(m.name(), m);
            Redacted.register(m);
        });
        for (ResourceModel owner : models) {
            for (RelationshipModel relationship : owner.relationships()) {
                ResourceModel target = byType.get(relationship.target());
                if (relationship.table() != null && target != null && target.polymorphic()) {
                    polymorphicTables.computeIfAbsent(target.type(), t -> new LinkedHashMap<>())
                            .computeIfAbsent(relationship.table(), target::inTable);
                }
            }
        }
        this.types = types;
    }

    /** Reads and validates the given record classes. */
    public static ResourceRegistry of(Class<?>... types) {
        return of(Arrays.asList(types));
    }

    /** Reads and validates the given record classes. */
    public static ResourceRegistry of(Collection<? extends Class<?>> types) {
        return of(types, new TypeRegistry());
    }

    /**
     * Reads and validates the given record classes with the given type registry.
     *
     * @throws ResourceModelException listing every problem found
     */
    public static ResourceRegistry of(Collection<? extends Class<?>> types, TypeRegistry typeRegistry) {
        Problems problems = new Problems();
        ResourceReader reader = new ResourceReader(typeRegistry, problems);
        List<ResourceDraft> drafts = new ArrayList<>();
        for (Class<?> type : new LinkedHashSet<>(types)) {
            ResourceDraft draft = reader.read(type);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        List<ResourceModel> models = new ResourceLinker(reader, problems, drafts).link();
        problems.throwIfAny();
        return new ResourceRegistry(models, typeRegistry);
    }

    /** All resources, in registration order. */
    public Collection<ResourceModel> resources() {
        return byType.values();
    }

    /**
     * The resource of a record class.
     *
     * @throws IllegalArgumentException when the class is not a registered resource
     */
    public ResourceModel resource(Class<?> type) {
        ResourceModel model = byType.get(type);
        if (model == null) {
            throw new IllegalArgumentException(type.getName() + " is not a registered resource (registered: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        return model;
    }

    /** The resource of a record class, if registered. */
    public Optional<ResourceModel> find(Class<?> type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The resource with this name, if registered. */
    public Optional<ResourceModel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The tables a polymorphic resource is stored in: those the relationships to it name, in
     * registration order. Empty for a resource that is not polymorphic.
     */
    public List<String> tablesOf(Class<?> type) {
        return List.copyOf(polymorphicTables.getOrDefault(resource(type).type(), Map.of()).keySet());
    }

    /**
     * A polymorphic resource bound to one of the tables it is stored in ({@link ResourceModel#inTable}):
     * one model per table, the same instance on every call.
     *
     * @throws IllegalArgumentException when the resource is not polymorphic, or the table is not one a
     *         relationship to it names (the message lists those that are)
     */
    public ResourceModel inTable(Class<?> type, String table) {
        ResourceModel resource = resource(type);
        if (!resource.polymorphic()) {
            throw new IllegalArgumentException(resource.name() + " is not polymorphic: it is stored in its own table "
                    + resource.table() + ", so it cannot be bound to the table " + table);
        }
        ResourceModel bound = polymorphicTables.getOrDefault(type, Map.of()).get(table);
        if (bound == null) {
            List<String> tables = tablesOf(type);
            throw new IllegalArgumentException(resource.name() + " is not stored in a table named " + table + ": "
                    + (tables.isEmpty() ? "no relationship names a table for it (declare one, e.g. @HasMany(table = \"...\"))"
                    : "use one of the tables its relationships name: " + String.join(", ", tables)));
        }
        return bound;
    }

    /** The type registry the attributes were resolved with. */
    public TypeRegistry types() {
        return types;
    }

    @Override
    public String toString() {
        return "ResourceRegistry" + byName.keySet();
    }
}
