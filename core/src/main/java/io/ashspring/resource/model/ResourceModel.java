package io.ashspring.resource.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ashspring.action.ActionKind;
import io.ashspring.resource.Names;

/**
 * Everything declared about one resource, read once and frozen. Every other part of the product
 * reads this, never the annotations.
 */
public final class ResourceModel {

    private final Class<?> type;
    private final String name;
    private final String table;
    private final String schema;
    private final boolean migrate;
    private final boolean polymorphic;
    private final List<AttributeModel> attributes;
    private final List<RelationshipModel> relationships;
    private final List<IdentityModel> identities;
    private final List<CheckConstraintModel> checkConstraints;
    private final List<CustomIndexModel> customIndexes;
    private final List<CustomStatementModel> customStatements;
    private final List<ComputedModel> computed;
    private final List<AttributeModel> primaryKey;
    private final Map<String, AttributeModel> attributesByName = new LinkedHashMap<>();
    private final Map<String, RelationshipModel> relationshipsByName = new LinkedHashMap<>();
    private final Map<String, ComputedModel> computedByName = new LinkedHashMap<>();
    private final int componentCount;
    private final MigrationOptions migrationOptions;
    private final List<ActionModel> actions;
    private final Map<String, ActionModel> actionsByName = new LinkedHashMap<>();
    private final AttributeModel version;
    private final TenancyModel tenancy;

    /**
     * Creates a frozen model; built by {@code ResourceRegistry}.
     *
     * @param type the record class
     * @param name the resource's name
     * @param table the table, or {@code null} for a polymorphic resource
     * @param schema the schema
     * @param migrate whether migrations manage the table
     * @param polymorphic whether the table comes from the relationship
     * @param attributes attributes in component order (belongs_to keys at their relationship's place)
     * @param relationships relationships in component order
     * @param identities unique keys
     * @param checkConstraints check constraints
     * @param customIndexes custom indexes
     * @param customStatements custom statements
     * @param componentCount the number of record components
     */
    public ResourceModel(Class<?> type, String name, String table, String schema, boolean migrate, boolean polymorphic,
                         List<AttributeModel> attributes, List<RelationshipModel> relationships,
                         List<IdentityModel> identities, List<CheckConstraintModel> checkConstraints,
                         List<CustomIndexModel> customIndexes, List<CustomStatementModel> customStatements,
                         int componentCount) {
        this(type, name, table, schema, migrate, polymorphic, attributes, relationships, identities, checkConstraints,
                customIndexes, customStatements, componentCount, MigrationOptions.NONE, List.of());
    }

    /**
     * Creates a frozen model with migration options, aggregates and calculations; built by {@code ResourceRegistry}.
     *
     * @param type the record class
     * @param name the resource's name
     * @param table the table, or {@code null} for a polymorphic resource
     * @param schema the schema
     * @param migrate whether migrations manage the table
     * @param polymorphic whether the table comes from the relationship
     * @param attributes attributes in component order (belongs_to keys at their relationship's place)
     * @param relationships relationships in component order
     * @param identities unique keys
     * @param checkConstraints check constraints
     * @param customIndexes custom indexes
     * @param customStatements custom statements
     * @param componentCount the number of record components
     * @param migrationOptions hints and options only migrations read
     * @param computed the aggregates and calculations, in component order
     */
    public ResourceModel(Class<?> type, String name, String table, String schema, boolean migrate, boolean polymorphic,
                         List<AttributeModel> attributes, List<RelationshipModel> relationships,
                         List<IdentityModel> identities, List<CheckConstraintModel> checkConstraints,
                         List<CustomIndexModel> customIndexes, List<CustomStatementModel> customStatements,
                         int componentCount, MigrationOptions migrationOptions, List<ComputedModel> computed) {
        this(type, name, table, schema, migrate, polymorphic, attributes, relationships, identities, checkConstraints,
                customIndexes, customStatements, componentCount, migrationOptions, computed, List.of(), null);
    }

    /**
     * Creates a frozen model with aggregates and calculations, actions and a version attribute;
     * built by {@code ResourceRegistry}. Each kind of action without a primary action gets the
     * default one ({@link ActionModel#defaultOf}).
     *
     * @param computed the aggregates and calculations, in component order
     * @param actions the declared actions, names unique, at most one primary per kind
     * @param versionAttribute the name of the {@code @Version} attribute, or {@code null}
     */
    public ResourceModel(Class<?> type, String name, String table, String schema, boolean migrate, boolean polymorphic,
                         List<AttributeModel> attributes, List<RelationshipModel> relationships,
                         List<IdentityModel> identities, List<CheckConstraintModel> checkConstraints,
                         List<CustomIndexModel> customIndexes, List<CustomStatementModel> customStatements,
                         int componentCount, MigrationOptions migrationOptions, List<ComputedModel> computed,
                         List<ActionModel> actions, String versionAttribute) {
        this(type, name, table, schema, migrate, polymorphic, attributes, relationships, identities, checkConstraints,
                customIndexes, customStatements, componentCount, migrationOptions, computed, actions, versionAttribute,
                TenancyModel.NONE);
    }

    /**
     * Creates a frozen model with everything, tenancy included; built by {@code ResourceRegistry}.
     *
     * @param tenancy how the records belong to tenants ({@link TenancyModel#NONE} when they do not)
     */
    public ResourceModel(Class<?> type, String name, String table, String schema, boolean migrate, boolean polymorphic,
                         List<AttributeModel> attributes, List<RelationshipModel> relationships,
                         List<IdentityModel> identities, List<CheckConstraintModel> checkConstraints,
                         List<CustomIndexModel> customIndexes, List<CustomStatementModel> customStatements,
                         int componentCount, MigrationOptions migrationOptions, List<ComputedModel> computed,
                         List<ActionModel> actions, String versionAttribute, TenancyModel tenancy) {
        this.type = type;
        this.tenancy = java.util.Objects.requireNonNull(tenancy, "tenancy");
        this.name = name;
        this.table = table;
        this.schema = schema;
        this.migrate = migrate;
        this.polymorphic = polymorphic;
        this.attributes = List.copyOf(attributes);
        this.relationships = List.copyOf(relationships);
        this.identities = List.copyOf(identities);
        this.checkConstraints = List.copyOf(checkConstraints);
        this.customIndexes = List.copyOf(customIndexes);
        this.customStatements = List.copyOf(customStatements);
        this.componentCount = componentCount;
        this.migrationOptions = migrationOptions;
        this.primaryKey = this.attributes.stream().filter(AttributeModel::primaryKey).toList();
        this.attributes.forEach(a -> attributesByName.put(a.name(), a));
        this.relationships.forEach(r -> relationshipsByName.put(r.name(), r));
        this.computed = List.copyOf(computed);
        this.computed.forEach(c -> computedByName.put(c.name(), c));
        this.actions = withDefaults(actions, this.attributes);
        this.actions.forEach(a -> actionsByName.putIfAbsent(a.name(), a));
        this.version = versionAttribute == null ? null : attributesByName.get(versionAttribute);
    }

    private static List<ActionModel> withDefaults(List<ActionModel> declared, List<AttributeModel> attributes) {
        List<ActionModel> all = new java.util.ArrayList<>(declared);
        for (ActionKind kind : ActionKind.values()) {
            if (declared.stream().noneMatch(a -> a.kind() == kind && a.primary())) {
                all.add(ActionModel.defaultOf(kind, attributes));
            }
        }
        return List.copyOf(all);
    }

    /** The record class. */
    public Class<?> type() {
        return type;
    }

    /** The resource's name, used in messages. */
    public String name() {
        return name;
    }

    /** The table; for a polymorphic resource, {@code null} unless bound to one of its tables ({@link #inTable}). */
    public String table() {
        return table;
    }

    /** How the records belong to tenants; {@link TenancyModel#NONE} for a resource without tenants. */
    public TenancyModel tenancy() {
        return tenancy;
    }

    /** The schema ({@code public} unless declared). */
    public String schema() {
        return schema;
    }

    /** Whether generated migrations manage this resource's table. */
    public boolean migrate() {
        return migrate;
    }

    /** Whether the table comes from the relationship that uses the resource (also when bound to one, {@link #inTable}). */
    public boolean polymorphic() {
        return polymorphic;
    }

    /** The attributes, in record component order. */
    public List<AttributeModel> attributes() {
        return attributes;
    }

    /** The relationships, in record component order. */
    public List<RelationshipModel> relationships() {
        return relationships;
    }

    /** The aggregates and calculations, in record component order: no columns, {@code null} until loaded. */
    public List<ComputedModel> computed() {
        return computed;
    }

    /** The aggregate or calculation with this name. */
    public Optional<ComputedModel> computed(String computedName) {
        return Optional.ofNullable(computedByName.get(computedName));
    }

    /** The unique keys. */
    public List<IdentityModel> identities() {
        return identities;
    }

    /** The check constraints. */
    public List<CheckConstraintModel> checkConstraints() {
        return checkConstraints;
    }

    /** The custom indexes. */
    public List<CustomIndexModel> customIndexes() {
        return customIndexes;
    }

    /** The custom statements. */
    public List<CustomStatementModel> customStatements() {
        return customStatements;
    }

    /** The primary key attributes, in declaration order. */
    public List<AttributeModel> primaryKey() {
        return primaryKey;
    }

    /** The primary key constraint's name ({@code <table>_pkey}, as PostgreSQL names it), or {@code null} without a table. */
    public String primaryKeyName() {
        return table == null ? null : ConstraintNames.primaryKey(table);
    }

    /**
     * This polymorphic resource as stored in one of its tables: the same resource with that table,
     * and with the names its constraints take there (derived by {@link ConstraintNames}); the
     * table model and the runtime's constraint errors both read them. Default names of identities
     * and indexes ({@code reaction_one_per_emoji_index}) start with the table instead
     * ({@code post_reactions_one_per_emoji_index}); foreign keys of its belongs_to relationships are
     * {@code <table>_<column>_fkey}; the primary key is {@code <table>_pkey}.
     *
     * <p>Which tables a polymorphic resource is stored in is known to the registry
     * ({@code ResourceRegistry.inTable}), which hands out one bound model per table.
     *
     * @param storedIn a table a relationship to this resource names
     * @throws IllegalStateException when this resource is not polymorphic, or already bound to a table
     */
    public ResourceModel inTable(String storedIn) {
        if (!polymorphic || table != null) {
            throw new IllegalStateException(name + " is " + (polymorphic ? "already bound to the table "
                    : "not polymorphic: it is stored in ") + table);
        }
        String own = Names.snakeCase(type.getSimpleName());
        List<IdentityModel> boundIdentities = identities.stream()
                .map(i -> !i.indexName().equals(ConstraintNames.identityIndex(own, i.name())) ? i : new IdentityModel(i.name(),
                        i.keys(), i.where(), i.nullsDistinct(), i.message(), ConstraintNames.identityIndex(storedIn, i.name())))
                .toList();
        List<CustomIndexModel> boundIndexes = customIndexes.stream()
                .map(i -> !i.name().equals(ConstraintNames.index(own, indexColumns(i.fields()))) ? i : new CustomIndexModel(
                        i.fields(), ConstraintNames.index(storedIn, indexColumns(i.fields())), i.unique(), i.where(), i.using(),
                        i.include(), i.nullsDistinct(), i.concurrently(), i.message()))
                .toList();
        List<RelationshipModel> boundRelationships = relationships.stream()
                .map(r -> r.reference() == null ? r : new RelationshipModel(r.name(), r.kind(), r.target(),
                        r.sourceAttribute(), r.destinationAttribute(), r.through(), r.sourceAttributeOnJoin(),
                        r.destinationAttributeOnJoin(), r.table(), r.component(), r.reference().named(
                        ConstraintNames.foreignKey(storedIn, requireAttribute(r.sourceAttribute()).column()))))
                .toList();
        return new ResourceModel(type, name, storedIn, schema, migrate, true, attributes, boundRelationships,
                boundIdentities, checkConstraints, boundIndexes, customStatements, componentCount, migrationOptions,
                computed, actions, version == null ? null : version.name(), tenancy);
    }

    /**
     * The columns a custom index's fields name, for its default name: an attribute's column, or the field's first
     * word as written (a column, or the start of an SQL expression).
     */
    public List<String> indexColumns(List<String> fields) {
        return fields.stream().map(f -> f.trim().split("\\s+")[0])
                .map(first -> attribute(first).map(AttributeModel::column).orElse(first)).toList();
    }

    /** Hints and options only the migration generator reads. */
    public MigrationOptions migrationOptions() {
        return migrationOptions;
    }

    /** Every action: the declared ones, then the defaults of the kinds without a primary action. */
    public List<ActionModel> actions() {
        return actions;
    }

    /** The action with this name. */
    public Optional<ActionModel> action(String actionName) {
        return Optional.ofNullable(actionsByName.get(actionName));
    }

    /**
     * The action with this name.
     *
     * @throws IllegalArgumentException naming the resource's actions when there is none
     */
    public ActionModel requireAction(String actionName) {
        ActionModel action = actionsByName.get(actionName);
        if (action == null) {
            throw new IllegalArgumentException(name + " has no action '" + actionName + "' (actions: "
                    + String.join(", ", actionsByName.keySet()) + ")");
        }
        return action;
    }

    /** The primary action of a kind: the one marked primary (or named after the kind), else the default. */
    public ActionModel primaryAction(ActionKind kind) {
        return actions.stream().filter(a -> a.kind() == kind && a.primary()).findFirst().orElseThrow();
    }

    /** The {@code @Version} attribute (optimistic locking), if any. */
    public Optional<AttributeModel> version() {
        return Optional.ofNullable(version);
    }

    /** The number of record components (the canonical constructor's arity). */
    public int componentCount() {
        return componentCount;
    }

    /** The attribute with this name. */
    public Optional<AttributeModel> attribute(String attributeName) {
        return Optional.ofNullable(attributesByName.get(attributeName));
    }

    /** The relationship with this name. */
    public Optional<RelationshipModel> relationship(String relationshipName) {
        return Optional.ofNullable(relationshipsByName.get(relationshipName));
    }

    /** The attribute with this name, or the key attribute of the belongs_to relationship with this name. */
    public Optional<AttributeModel> attributeOrKey(String attributeOrRelationship) {
        return attribute(attributeOrRelationship).or(() -> relationship(attributeOrRelationship)
                .filter(r -> r.kind() == RelationshipKind.BELONGS_TO).flatMap(r -> attribute(r.sourceAttribute())));
    }

    /**
     * The attribute with this name.
     *
     * @throws IllegalArgumentException naming the resource's attributes when there is none
     */
    public AttributeModel requireAttribute(String attributeName) {
        AttributeModel attribute = attributesByName.get(attributeName);
        if (attribute == null) {
            throw new IllegalArgumentException(name + " has no attribute '" + attributeName + "' (attributes: "
                    + String.join(", ", attributesByName.keySet()) + ")");
        }
        return attribute;
    }

    @Override
    public String toString() {
        return "Resource " + name + (table != null ? " (" + schema + "." + table + ")" : " (polymorphic)");
    }
}
