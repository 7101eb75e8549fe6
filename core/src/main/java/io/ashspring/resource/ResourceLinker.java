package io.ashspring.resource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import io.ashspring.resource.ResourceReader.AttributeDraft;
import io.ashspring.resource.ResourceReader.RelationshipDraft;
import io.ashspring.resource.ResourceReader.ResourceDraft;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.CheckConstraintModel;
import io.ashspring.resource.model.ConstraintNames;
import io.ashspring.resource.model.CustomIndexModel;
import io.ashspring.resource.model.CustomStatementModel;
import io.ashspring.resource.model.IdentityModel;
import io.ashspring.resource.model.MigrationOptions;
import io.ashspring.resource.model.ReferenceModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TenancyModel;
import io.ashspring.resource.model.TimestampKind;
import io.ashspring.type.AttributeConstraints;
import io.ashspring.type.AttributeType;
import io.ashspring.type.TypeOptions;

/**
 * Turns the drafts of all resources into frozen models: resolves types, relationship targets and
 * default names, and validates everything that needs more than one resource to check.
 */
final class ResourceLinker {

    static final String TAKEN = "has already been taken";

    private final ResourceReader reader;
    private final Problems problems;
    private final Map<Class<?>, ResourceDraft> drafts = new LinkedHashMap<>();
    /** Resolved types of plain attributes, per resource, by attribute name. */
    private final Map<Class<?>, Map<String, AttributeType>> plainTypes = new HashMap<>();

    ResourceLinker(ResourceReader reader, Problems problems, List<ResourceDraft> all) {
        this.reader = reader;
        this.problems = problems;
        all.forEach(d -> drafts.put(d.type, d));
    }

    List<ResourceModel> link() {
        drafts.values().forEach(this::resolvePlainTypes);
        List<ResourceModel> models = new ArrayList<>();
        for (ResourceDraft draft : drafts.values()) {
            ResourceModel model = build(draft);
            if (model != null) {
                models.add(model);
            }
        }
        checkNames(models);
        checkSharedTables(models);
        Map<Class<?>, ResourceModel> byType = new HashMap<>();
        models.forEach(m -> byType.put(m.type(), m));
        models.forEach(new ReadFilterCheck(problems, byType)::check);
        checkCompositeReferences(models);
        new ComputedChecker(problems, models).check();
        return models;
    }

    private void resolvePlainTypes(ResourceDraft draft) {
        Map<String, AttributeType> types = new HashMap<>();
        for (AttributeDraft a : draft.attributes) {
            AttributeSpec spec = draft.spec.attributes.get(a.name);
            TypeOptions options = a.typeOptions;
            if (spec != null && spec.columnType != null) {
                options = new TypeOptions(options.citext(), options.varchar(), options.precision(), options.scale(), spec.columnType);
            }
            AttributeType type = reader.resolveType(draft, a.name, a.genericType, options);
            if (type != null) {
                types.put(a.name, type);
            }
        }
        plainTypes.put(draft.type, types);
    }

    private ResourceModel build(ResourceDraft d) {
        String r = d.simpleName();
        ResourceSpec<?> spec = d.spec;
        String table = spec.table != null ? spec.table : d.polymorphic ? null : Names.snakeCase(r);
        if (d.polymorphic && spec.table != null) {
            problems.add(r, null, "is polymorphic but declares the table '" + spec.table + "'",
                    "remove the table: each relationship to a polymorphic resource names its own table");
        }
        String schema = spec.schema != null ? spec.schema : "public";
        if (table != null) {
            problems.checkIdentifier(r, null, "table", table);
        }
        problems.checkIdentifier(r, null, "schema", schema);

        Set<String> known = new HashSet<>();
        d.attributes.forEach(a -> known.add(a.name));
        d.relationships.stream().filter(x -> x.kind == RelationshipKind.BELONGS_TO).forEach(x -> known.add(x.sourceAttribute));
        for (String configured : spec.attributes.keySet()) {
            if (!known.contains(configured)) {
                problems.add(r, configured, "is configured in configure() but is not an attribute",
                        "use one of: " + String.join(", ", known));
            }
        }

        long keyCount = d.attributes.stream().filter(a -> a.primaryKey).count()
                + d.relationships.stream().filter(x -> x.primaryKey).count();
        List<AttributeModel> attributes = new ArrayList<>();
        List<RelationshipModel> relationships = new ArrayList<>();
        // attributes in component order, with belongs_to keys at their relationship's place
        for (int component = 0; component < d.componentCount; component++) {
            for (AttributeDraft a : d.attributes) {
                if (a.component == component) {
                    AttributeModel model = plainAttribute(d, a, keyCount > 1);
                    if (model != null) {
                        attributes.add(model);
                    }
                }
            }
            for (RelationshipDraft rel : d.relationships) {
                if (rel.component == component && rel.kind == RelationshipKind.BELONGS_TO) {
                    AttributeModel key = foreignKey(d, rel, table);
                    if (key != null) {
                        attributes.add(key);
                    }
                }
            }
        }
        if (keyCount == 0) {
            problems.add(r, null, "has no primary key", "mark a component @PrimaryKey (e.g. @PrimaryKey UUID id)");
        }
        Map<String, AttributeModel> byName = new LinkedHashMap<>();
        attributes.forEach(a -> byName.put(a.name(), a));
        Set<String> columns = new HashSet<>();
        for (AttributeModel a : attributes) {
            if (!columns.add(a.column())) {
                problems.add(r, a.name(), "uses the column '" + a.column() + "' that another attribute uses too",
                        "give one of them another column");
            }
        }

        for (RelationshipDraft rel : d.relationships) {
            RelationshipModel model = relationship(d, rel, table, byName);
            if (model != null) {
                relationships.add(model);
            }
        }
        for (ReferenceSpec ref : spec.references.values()) {
            RelationshipDraft rel = d.relationships.stream().filter(x -> x.name.equals(ref.relationship)).findFirst().orElse(null);
            if (rel == null) {
                problems.add(r, ref.relationship, "has a reference (" + ref.declaredAt + ") but is not a relationship",
                        "declare references only for belongs_to relationships");
            } else if (rel.kind != RelationshipKind.BELONGS_TO) {
                problems.add(r, ref.relationship, "reference configured but it is a " + rel.kind.label() + " relationship",
                        "move the reference to the belongs_to relationship on " + (rel.target == null ? "the other resource" : rel.target.getSimpleName()));
            }
        }

        TenancyModel tenancy = tenancy(d, byName);
        List<IdentityModel> identities = identities(d, table, byName, tenancy);
        List<CheckConstraintModel> checks = checks(d, byName);
        List<CustomIndexModel> indexes = indexes(d, table, byName);
        List<CustomStatementModel> statements = statements(d);
        MigrationOptions migrationOptions = new MigrationOptionsLinker(problems).link(d, byName);
        ActionLinker actionLinker = new ActionLinker(reader.types(), problems);
        List<ActionModel> actions = actionLinker.link(d, byName, relationships, identities);
        return new ResourceModel(d.type, d.name, table, schema, spec.migrate == null || spec.migrate, d.polymorphic,
                attributes, relationships, identities, checks, indexes, statements, d.componentCount, migrationOptions,
                d.computed, actions, actionLinker.version(d), tenancy);
    }

    private TenancyModel tenancy(ResourceDraft d, Map<String, AttributeModel> byName) {
        Multitenancy declared = d.multitenancy;
        if (declared == null) {
            return TenancyModel.NONE;
        }
        String r = d.simpleName();
        String attribute = declared.attribute().isBlank() ? null : declared.attribute();
        if (declared.strategy() == Multitenancy.Strategy.CONTEXT) {
            if (attribute != null) {
                problems.add(r, attribute, "is named as the tenant attribute, but the CONTEXT strategy keeps tenants "
                        + "in schemas", "remove attribute, or use strategy = ATTRIBUTE for a shared table");
                return TenancyModel.NONE;
            }
            if (d.polymorphic) {
                problems.add(r, null, "is polymorphic and multitenant by schema",
                        "give its relationships' tables the tenancy of their owners instead");
                return TenancyModel.NONE;
            }
            return new TenancyModel(Multitenancy.Strategy.CONTEXT, null, declared.global());
        }
        if (attribute == null) {
            problems.add(r, null, "uses the ATTRIBUTE tenancy strategy without naming the attribute",
                    "write @Multitenancy(strategy = ATTRIBUTE, attribute = \"organizationId\")");
            return TenancyModel.NONE;
        }
        AttributeModel holder = byName.get(attribute);
        if (holder == null) {
            problems.add(r, attribute, "is named as the tenant attribute but is not an attribute",
                    "name one of: " + String.join(", ", byName.keySet()));
            return TenancyModel.NONE;
        }
        return new TenancyModel(Multitenancy.Strategy.ATTRIBUTE, holder.name(), declared.global());
    }

    private AttributeModel plainAttribute(ResourceDraft d, AttributeDraft a, boolean compositeKey) {
        AttributeType type = plainTypes.get(d.type).get(a.name);
        if (type == null) {
            return null; // already reported
        }
        String r = d.simpleName();
        AttributeSpec spec = d.spec.attributes.getOrDefault(a.name, new AttributeSpec(a.name));
        KeyGeneration generation = KeyGeneration.NONE;
        if (a.primaryKey) {
            generation = a.keyGeneration;
            Class<?> javaType = type.javaType();
            boolean integral = javaType == Long.class || javaType == Integer.class || javaType == Short.class;
            if (generation == KeyGeneration.AUTO) {
                generation = compositeKey ? KeyGeneration.NONE
                        : javaType == UUID.class ? KeyGeneration.RANDOM_UUID
                        : integral ? KeyGeneration.IDENTITY : KeyGeneration.NONE;
            }
            if ((generation == KeyGeneration.RANDOM_UUID || generation == KeyGeneration.UUID_V7) && javaType != UUID.class) {
                problems.add(r, a.name, generation + " key generation needs a UUID component, not " + javaType.getSimpleName(),
                        "change the type to UUID or the generation");
            }
            if (generation == KeyGeneration.IDENTITY && !integral) {
                problems.add(r, a.name, "IDENTITY key generation needs Long, Integer or Short, not " + javaType.getSimpleName(),
                        "change the type to Long or the generation");
            }
        }
        if (a.timestamp != TimestampKind.NONE) {
            Class<?> javaType = type.javaType();
            if (javaType != java.time.Instant.class && javaType != java.time.OffsetDateTime.class
                    && javaType != java.time.LocalDateTime.class) {
                problems.add(r, a.name, "is a timestamp but its type is " + javaType.getSimpleName(),
                        "use Instant, OffsetDateTime or LocalDateTime");
            }
        }
        String sqlDefault = spec.sqlDefault;
        if (sqlDefault == null && generation == KeyGeneration.RANDOM_UUID) {
            sqlDefault = "gen_random_uuid()";
        }
        if (sqlDefault == null && a.timestamp != TimestampKind.NONE) {
            sqlDefault = "now()";
        }
        Supplier<?> supplier = spec.defaultSupplier;
        if (supplier == null && generation == KeyGeneration.UUID_V7) {
            supplier = UuidV7::next;
        }
        Object defaultValue = null;
        if (spec.defaultValue != null) {
            try {
                defaultValue = type.coerce(spec.defaultValue);
            } catch (IllegalArgumentException e) {
                problems.add(r, a.name, "default '" + spec.defaultValue + "' is not a valid " + type.javaType().getSimpleName()
                        + " (" + e.getMessage() + ")", "fix the default value");
            }
        }
        if (a.version) {
            defaultValue = versionStart(r, a, type);
        }
        boolean generated = generation != KeyGeneration.NONE || a.timestamp != TimestampKind.NONE;
        boolean allowNil = !a.primaryKey && a.timestamp == TimestampKind.NONE && !a.version
                && (spec.allowNil == null || spec.allowNil);
        boolean writable = !generated && !a.version && (spec.writable == null || spec.writable);
        String column = a.column != null ? a.column : Names.snakeCase(a.name);
        AttributeConstraints constraints = constraints(r, a.name, type, spec);
        return new AttributeModel(a.name, column, type, allowNil, a.primaryKey, generation, writable,
                spec.isPublic == null || spec.isPublic, spec.sensitive != null && spec.sensitive, defaultValue, supplier,
                sqlDefault, constraints, a.timestamp, a.component, null);
    }

    /** The first version of a {@code @Version} attribute (1), reporting a type or role it cannot have. */
    private Object versionStart(String r, AttributeDraft a, AttributeType type) {
        Class<?> javaType = type.javaType();
        if (javaType != Integer.class && javaType != Long.class && javaType != Short.class) {
            problems.add(r, a.name, "is @Version but its type is " + javaType.getSimpleName(),
                    "use Integer or Long: the version counts updates");
            return null;
        }
        if (a.primaryKey || a.timestamp != TimestampKind.NONE) {
            problems.add(r, a.name, "is @Version and also " + (a.primaryKey ? "@PrimaryKey" : "a timestamp"),
                    "keep the version a component of its own");
        }
        return type.coerce(1);
    }

    private AttributeConstraints constraints(String r, String name, AttributeType type, AttributeSpec spec) {
        boolean lengthy = type.isText() || type.isList();
        if ((spec.minLength != null || spec.maxLength != null) && !lengthy) {
            problems.add(r, name, "has a length constraint but is a " + type.javaType().getSimpleName(),
                    "length constraints apply to text and lists; remove it");
        }
        if ((spec.match != null || spec.oneOf != null) && !type.isText()) {
            problems.add(r, name, "has a match/oneOf constraint but is a " + type.javaType().getSimpleName(),
                    "these apply to text; use an enum for a fixed set of values");
        }
        if ((spec.min != null || spec.max != null) && !type.isNumeric()) {
            problems.add(r, name, "has a min/max constraint but is a " + type.javaType().getSimpleName(),
                    "min and max apply to numbers; remove it");
        }
        Pattern pattern = null;
        if (spec.match != null) {
            try {
                pattern = Pattern.compile(spec.match);
            } catch (PatternSyntaxException e) {
                problems.add(r, name, "match '" + spec.match + "' is not a valid regular expression", "fix the pattern");
            }
        }
        return new AttributeConstraints(spec.minLength == null ? -1 : spec.minLength, spec.maxLength == null ? -1 : spec.maxLength,
                pattern, number(r, name, "min", spec.min), number(r, name, "max", spec.max),
                spec.oneOf == null ? List.of() : spec.oneOf);
    }

    private BigDecimal number(String r, String name, String what, String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            problems.add(r, name, what + " '" + text + "' is not a number", "write it as a number, e.g. \"0\" or \"0.5\"");
            return null;
        }
    }

    private AttributeModel foreignKey(ResourceDraft d, RelationshipDraft rel, String table) {
        String r = d.simpleName();
        ResourceDraft target = drafts.get(rel.target);
        if (target == null) {
            problems.add(r, rel.name, "target " + rel.target.getSimpleName() + " is not a registered resource",
                    "annotate " + rel.target.getSimpleName() + " with @Resource and put it in a scanned package");
            return null;
        }
        String destination = rel.destinationAttribute != null ? rel.destinationAttribute : singleKey(target);
        if (destination == null) {
            problems.add(r, rel.name, "target " + target.simpleName() + " has no single primary key to point at",
                    "name the target attribute with @BelongsTo(destinationAttribute = ...)");
            return null;
        }
        AttributeType type = plainTypes.get(target.type).get(destination);
        if (type == null) {
            if (target.attributes.stream().noneMatch(a -> a.name.equals(destination))) {
                problems.add(r, rel.name, "destination attribute '" + destination + "' does not exist on " + target.simpleName(),
                        "name an attribute of " + target.simpleName());
            }
            return null;
        }
        if (rel.keyType instanceof Class<?> keyClass && keyClass != type.javaType()) {
            problems.add(r, rel.name, "is Ref<" + target.simpleName() + ", " + keyClass.getSimpleName() + "> but "
                    + target.simpleName() + "." + destination + " is a " + type.javaType().getSimpleName(),
                    "declare it as Ref<" + target.simpleName() + ", " + type.javaType().getSimpleName() + ">");
        }
        rel.destinationAttribute = destination;
        AttributeSpec spec = d.spec.attributes.getOrDefault(rel.sourceAttribute, new AttributeSpec(rel.sourceAttribute));
        boolean allowNil = !rel.primaryKey && rel.allowNil && (spec.allowNil == null || spec.allowNil);
        String column = rel.keyColumn != null ? rel.keyColumn : Names.snakeCase(rel.sourceAttribute);
        return new AttributeModel(rel.sourceAttribute, column, type, allowNil, rel.primaryKey, KeyGeneration.NONE,
                rel.writable && (spec.writable == null || spec.writable), spec.isPublic == null || spec.isPublic,
                spec.sensitive != null && spec.sensitive, null, null, spec.sqlDefault, AttributeConstraints.NONE,
                TimestampKind.NONE, rel.component, rel.name);
    }

    private static String singleKey(ResourceDraft draft) {
        List<String> keys = new ArrayList<>();
        draft.attributes.stream().filter(a -> a.primaryKey).forEach(a -> keys.add(a.name));
        draft.relationships.stream().filter(x -> x.primaryKey).forEach(x -> keys.add(x.sourceAttribute));
        return keys.size() == 1 ? keys.get(0) : null;
    }

    /** Attribute names of a resource, including its belongs_to keys. */
    private static Set<String> attributeNames(ResourceDraft draft) {
        Set<String> names = new HashSet<>();
        draft.attributes.forEach(a -> names.add(a.name));
        draft.relationships.stream().filter(x -> x.kind == RelationshipKind.BELONGS_TO).forEach(x -> names.add(x.sourceAttribute));
        return names;
    }

    private RelationshipModel relationship(ResourceDraft d, RelationshipDraft rel, String table, Map<String, AttributeModel> own) {
        String r = d.simpleName();
        ResourceDraft target = drafts.get(rel.target);
        if (target == null) {
            if (rel.kind != RelationshipKind.BELONGS_TO) { // belongs_to already reported
                problems.add(r, rel.name, "target " + rel.target.getSimpleName() + " is not a registered resource",
                        "annotate " + rel.target.getSimpleName() + " with @Resource and put it in a scanned package");
            }
            return null;
        }
        switch (rel.kind) {
            case BELONGS_TO -> {
                if (!own.containsKey(rel.sourceAttribute)) {
                    return null;
                }
                ReferenceSpec spec = d.spec.references.get(rel.name);
                ReferenceModel reference = reference(d, rel, table, own, spec);
                return new RelationshipModel(rel.name, rel.kind, rel.target, rel.sourceAttribute, rel.destinationAttribute,
                        null, null, null, null, rel.component, reference);
            }
            case HAS_ONE, HAS_MANY -> {
                if (target.polymorphic && rel.table == null) {
                    problems.add(r, rel.name, "targets the polymorphic resource " + target.simpleName() + " without a table",
                            "name the table its rows live in: @" + (rel.kind == RelationshipKind.HAS_MANY ? "HasMany" : "HasOne")
                                    + "(table = \"" + Names.snakeCase(r) + "_" + Names.snakeCase(target.simpleName()) + "s\")");
                }
                if (!target.polymorphic && rel.table != null) {
                    problems.add(r, rel.name, "names the table '" + rel.table + "' but " + target.simpleName() + " is not polymorphic",
                            "remove the table, or declare @Resource(polymorphic = true) on " + target.simpleName());
                }
                if (rel.table != null) {
                    problems.checkIdentifier(r, rel.name, "table", rel.table);
                }
                String source = rel.sourceAttribute != null ? rel.sourceAttribute : singleKey(d);
                if (source == null || !own.containsKey(source)) {
                    problems.add(r, rel.name, "source attribute '" + source + "' does not exist", "name an attribute of " + r);
                    return null;
                }
                String destination = rel.destinationAttribute != null ? rel.destinationAttribute : Names.lowerCamel(d.name) + "Id";
                if (!attributeNames(target).contains(destination)) {
                    problems.add(r, rel.name, "destination attribute '" + destination + "' does not exist on " + target.simpleName(),
                            "add a belongs_to '" + destination.replaceAll("Id$", "") + "' to " + target.simpleName()
                                    + ", or set destinationAttribute");
                    return null;
                }
                return new RelationshipModel(rel.name, rel.kind, rel.target, source, destination, null, null, null,
                        rel.table, rel.component, null);
            }
            case MANY_TO_MANY -> {
                ResourceDraft through = drafts.get(rel.through);
                if (through == null) {
                    problems.add(r, rel.name, "join resource " + rel.through.getSimpleName() + " is not a registered resource",
                            "annotate " + rel.through.getSimpleName() + " with @Resource and put it in a scanned package");
                    return null;
                }
                String sourceOnJoin = rel.sourceAttributeOnJoin != null ? rel.sourceAttributeOnJoin : Names.lowerCamel(d.name) + "Id";
                String destinationOnJoin = rel.destinationAttributeOnJoin != null ? rel.destinationAttributeOnJoin
                        : Names.lowerCamel(target.name) + "Id";
                Set<String> joinNames = attributeNames(through);
                boolean ok = true;
                for (String attribute : List.of(sourceOnJoin, destinationOnJoin)) {
                    if (!joinNames.contains(attribute)) {
                        problems.add(r, rel.name, "join attribute '" + attribute + "' does not exist on " + through.simpleName(),
                                "add it to " + through.simpleName() + " or set sourceAttributeOnJoin/destinationAttributeOnJoin");
                        ok = false;
                    }
                }
                String source = singleKey(d);
                String destination = singleKey(target);
                if (source == null || destination == null) {
                    problems.add(r, rel.name, "many_to_many needs a single primary key on both sides", "use single-column keys");
                    ok = false;
                }
                return ok ? new RelationshipModel(rel.name, rel.kind, rel.target, source, destination, rel.through,
                        sourceOnJoin, destinationOnJoin, null, rel.component, null) : null;
            }
            default -> throw new IllegalStateException("unknown relationship kind " + rel.kind);
        }
    }

    private ReferenceModel reference(ResourceDraft d, RelationshipDraft rel, String table, Map<String, AttributeModel> own,
                                     ReferenceSpec spec) {
        String r = d.simpleName();
        ReferenceSpec s = spec != null ? spec : new ReferenceSpec(rel.name, "default");
        String column = own.get(rel.sourceAttribute).column();
        String name = s.name != null ? s.name : ConstraintNames.foreignKey(table != null ? table : Names.snakeCase(r), column);
        List<ReferenceModel.MatchColumn> matchWith = matchColumns(d, rel, own, s.matchWith);
        List<String> keyAttributes = new ArrayList<>(List.of(rel.sourceAttribute));
        matchWith.forEach(m -> keyAttributes.add(m.source()));
        for (String attribute : s.nilifyColumns) {
            if (!own.containsKey(attribute)) {
                problems.add(r, rel.name, "nilifies the unknown attribute '" + attribute + "'", "name attributes of " + r);
            } else if (!keyAttributes.contains(attribute)) {
                // PostgreSQL: "column referenced in ON DELETE SET action must be part of foreign key"
                problems.add(r, rel.name, "nilifies '" + attribute + "', which is not a column of its foreign key",
                        "list only " + String.join(", ", keyAttributes) + " in nilifyColumns, or leave it empty");
            }
        }
        if (!s.nilifyColumns.isEmpty() && s.onDelete != OnDelete.NILIFY) {
            problems.add(r, rel.name, "lists nilify columns but onDelete is " + s.onDelete, "set onDelete = NILIFY");
        }
        if (s.indexWhere != null && !s.index) {
            problems.add(r, rel.name, "has indexWhere but no index", "set index = true on the reference, or remove indexWhere");
        }
        return new ReferenceModel(rel.name, name, s.onDelete, s.nilifyColumns, s.onUpdate, s.deferrable, s.index, s.enabled,
                s.indexWhere, matchWith, s.matchType);
    }

    /** Parses {@code "source=destination"} pairs (or a lone name on both sides) and checks both sides exist with one type. */
    private List<ReferenceModel.MatchColumn> matchColumns(ResourceDraft d, RelationshipDraft rel, Map<String, AttributeModel> own,
                                                         List<String> pairs) {
        String r = d.simpleName();
        ResourceDraft target = drafts.get(rel.target);
        List<ReferenceModel.MatchColumn> columns = new ArrayList<>();
        if (target == null) {
            return columns; // reported with the relationship
        }
        Set<String> seen = new HashSet<>(List.of(rel.sourceAttribute));
        for (String pair : pairs) {
            String[] sides = pair.split("=", -1);
            String source = sides[0].trim();
            String destination = sides.length == 2 ? sides[1].trim() : source;
            if (sides.length > 2 || source.isEmpty() || destination.isEmpty()) {
                problems.add(r, rel.name, "has matchWith entry '" + pair + "', which is not 'source=destination' or a name",
                        "write matchWith = \"tenantId\" or \"tenantId=organizationId\"");
                continue;
            }
            if (!own.containsKey(source)) {
                problems.add(r, rel.name, "matches with the unknown attribute '" + source + "'", "name an attribute of " + r);
                continue;
            }
            if (!seen.add(source)) {
                problems.add(r, rel.name, "uses '" + source + "' twice in its foreign key", "list each attribute once in matchWith");
                continue;
            }
            if (!attributeNames(target).contains(destination)) {
                problems.add(r, rel.name, "matches '" + source + "' with '" + destination + "', which "
                        + rel.target.getSimpleName() + " does not have", "name an attribute of " + rel.target.getSimpleName());
                continue;
            }
            AttributeType destinationType = plainTypes.get(target.type).get(destination);
            AttributeType sourceType = own.get(source).type();
            if (destinationType != null && !destinationType.sqlType().equalsIgnoreCase(sourceType.sqlType())) {
                problems.add(r, rel.name, "matches '" + source + "' (" + sourceType.sqlType() + ") with "
                        + rel.target.getSimpleName() + "." + destination + " (" + destinationType.sqlType() + ")",
                        "give both attributes the same type");
                continue;
            }
            columns.add(new ReferenceModel.MatchColumn(source, destination));
        }
        return columns;
    }

    /** A composite foreign key needs a primary key or a full (not partial) identity on exactly its referenced attributes. */
    private void checkCompositeReferences(List<ResourceModel> models) {
        Map<Class<?>, ResourceModel> byType = new HashMap<>();
        models.forEach(m -> byType.put(m.type(), m));
        for (ResourceModel model : models) {
            for (RelationshipModel relationship : model.relationships()) {
                ReferenceModel reference = relationship.reference();
                ResourceModel target = byType.get(relationship.target());
                if (reference == null || !reference.enabled() || reference.matchWith().isEmpty() || target == null) {
                    continue;
                }
                List<String> referenced = new ArrayList<>(List.of(relationship.destinationAttribute()));
                reference.matchWith().forEach(m -> referenced.add(m.destination()));
                Set<String> wanted = new HashSet<>(referenced);
                boolean unique = target.primaryKey().stream().map(AttributeModel::name).collect(Collectors.toSet()).equals(wanted)
                        || target.identities().stream().anyMatch(i -> i.where() == null && new HashSet<>(i.keys()).equals(wanted));
                if (!unique) {
                    problems.add(model.type().getSimpleName(), relationship.name(), "references " + target.name() + " "
                            + referenced + ", which is neither its primary key nor one of its identities",
                            "add @Identity(name = \"...\", keys = {\"" + String.join("\", \"", referenced) + "\"}) to "
                                    + target.type().getSimpleName());
                }
            }
        }
    }

    /**
     * The identities; with the attribute tenancy strategy each is unique per tenant, so the tenant
     * attribute is added to its keys (last: errors still name the declared first key).
     */
    private List<IdentityModel> identities(ResourceDraft d, String table, Map<String, AttributeModel> own,
                                           TenancyModel tenancy) {
        String r = d.simpleName();
        List<IdentityModel> identities = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (IdentitySpec s : d.spec.identities) {
            if (!names.add(s.name)) {
                problems.add(r, "identity " + s.name, "is declared twice", "give each identity its own name");
            }
            if (s.keys.isEmpty()) {
                problems.add(r, "identity " + s.name, "has no keys", "list the attributes that must be unique");
            }
            unknownAttributes(r, "identity " + s.name, s.keys, own);
            String indexName = s.indexName != null ? s.indexName
                    : ConstraintNames.identityIndex(table != null ? table : Names.snakeCase(r), s.name);
            List<String> keys = s.keys;
            if (tenancy.byAttribute() && !keys.isEmpty() && !keys.contains(tenancy.attribute())) {
                keys = new ArrayList<>(keys);
                keys.add(tenancy.attribute());
            }
            identities.add(new IdentityModel(s.name, keys, s.where, s.nullsDistinct, s.message != null ? s.message : TAKEN, indexName));
        }
        return identities;
    }

    private List<CheckConstraintModel> checks(ResourceDraft d, Map<String, AttributeModel> own) {
        List<CheckConstraintModel> checks = new ArrayList<>();
        for (ResourceSpec.CheckSpec s : d.spec.checks) {
            unknownAttributes(d.simpleName(), "check " + s.name(), s.fields(), own);
            checks.add(new CheckConstraintModel(s.name(), s.check(), s.fields(), s.message() != null ? s.message() : "is invalid"));
        }
        return checks;
    }

    private List<CustomIndexModel> indexes(ResourceDraft d, String table, Map<String, AttributeModel> own) {
        String r = d.simpleName();
        List<CustomIndexModel> indexes = new ArrayList<>();
        for (IndexSpec s : d.spec.indexes) {
            List<String> columns = new ArrayList<>();
            boolean expression = false;
            for (String field : s.fields) {
                String first = field.trim().split("\\s+")[0];
                AttributeModel attribute = own.get(first);
                if (attribute != null) {
                    columns.add(attribute.column());
                } else if (own.values().stream().anyMatch(a -> a.column().equals(first))) {
                    columns.add(first);
                } else if (first.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    problems.add(r, "index " + String.join(",", s.fields), "names the unknown attribute '" + first + "'",
                            "use one of: " + String.join(", ", own.keySet()));
                } else {
                    expression = true;
                }
            }
            if (s.fields.isEmpty()) {
                problems.add(r, "index", "has no fields", "list attributes or SQL expressions");
            }
            if (expression && s.name == null) {
                problems.add(r, "index " + String.join(",", s.fields), "indexes an SQL expression but has no name",
                        "set name = \"...\" on the index");
            }
            unknownAttributes(r, "index include", s.include, own);
            String name = s.name != null ? s.name : ConstraintNames.index(table != null ? table : Names.snakeCase(r), columns);
            indexes.add(new CustomIndexModel(s.fields, name, s.unique, s.where, s.using, s.include, s.nullsDistinct,
                    s.concurrently, s.message != null ? s.message : TAKEN));
        }
        return indexes;
    }

    private List<CustomStatementModel> statements(ResourceDraft d) {
        List<CustomStatementModel> statements = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ResourceSpec.StatementSpec s : d.spec.statements) {
            if (!names.add(s.name())) {
                problems.add(d.simpleName(), "statement " + s.name(), "is declared twice", "give each custom statement its own name");
            }
            if (s.up() == null || s.up().isBlank() || s.down() == null || s.down().isBlank()) {
                problems.add(d.simpleName(), "statement " + s.name(), "needs both up and down SQL",
                        "write the SQL that undoes it as down, so that migrations can roll back");
            }
            statements.add(new CustomStatementModel(s.name(), s.up(), s.down()));
        }
        return statements;
    }

    private void unknownAttributes(String r, String member, List<String> names, Map<String, AttributeModel> own) {
        for (String name : names) {
            if (!own.containsKey(name)) {
                problems.add(r, member, "names the unknown attribute '" + name + "'",
                        "use one of: " + String.join(", ", own.keySet()));
            }
        }
    }

    private void checkNames(List<ResourceModel> models) {
        Map<String, Class<?>> byName = new HashMap<>();
        for (ResourceModel m : models) {
            String r = m.type().getSimpleName();
            Class<?> other = byName.putIfAbsent(m.name(), m.type());
            if (other != null) {
                problems.add(r, null, "has the same resource name '" + m.name() + "' as " + other.getName(),
                        "set @Resource(name = ...) on one of them");
            }
            for (AttributeModel a : m.attributes()) {
                problems.checkIdentifier(r, a.name(), "column", a.column());
            }
            if (m.table() != null) {
                problems.checkIdentifier(r, null, "primary key name", m.primaryKeyName());
            }
            m.relationships().stream().filter(x -> x.reference() != null)
                    .forEach(x -> problems.checkIdentifier(r, x.name(), "foreign key name", x.reference().name()));
            m.identities().forEach(i -> problems.checkIdentifier(r, "identity " + i.name(), "index name", i.indexName()));
            m.checkConstraints().forEach(c -> problems.checkIdentifier(r, "check " + c.name(), "check constraint name", c.name()));
            m.customIndexes().forEach(i -> problems.checkIdentifier(r, "index " + i.name(), "index name", i.name()));
        }
    }

    private void checkSharedTables(List<ResourceModel> models) {
        Map<String, Map<String, AttributeModel>> columnsByTable = new HashMap<>();
        Map<String, ResourceModel> ownerOfColumn = new HashMap<>();
        for (ResourceModel m : models) {
            if (m.table() == null) {
                continue;
            }
            String table = m.schema() + "." + m.table();
            Map<String, AttributeModel> columns = columnsByTable.computeIfAbsent(table, t -> new HashMap<>());
            for (AttributeModel a : m.attributes()) {
                AttributeModel existing = columns.putIfAbsent(a.column(), a);
                if (existing == null) {
                    ownerOfColumn.put(table + "." + a.column(), m);
                } else if (!existing.type().sqlType().equals(a.type().sqlType())) {
                    ResourceModel other = ownerOfColumn.get(table + "." + a.column());
                    problems.add(m.type().getSimpleName(), a.name(), "shares the table " + table + " with "
                            + other.type().getSimpleName() + " but column '" + a.column() + "' is " + a.type().sqlType()
                            + " here and " + existing.type().sqlType() + " there",
                            "give both resources the same type for " + a.column());
                }
            }
        }
    }
}
