package io.ashspring.resource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.type.AttributeType;
import io.ashspring.type.TypeOptions;
import io.ashspring.type.TypeRegistry;
import io.ashspring.type.UnsupportedTypeException;

/**
 * Reads one record class (annotations, then its {@code configure} hook) into a {@link ResourceDraft}.
 * Links between resources are resolved later by {@link ResourceLinker}, once all are read.
 */
final class ResourceReader {

    private final TypeRegistry types;
    private final Problems problems;
    private final ComputedReader computedReader;

    ResourceReader(TypeRegistry types, Problems problems) {
        this.types = types;
        this.problems = problems;
        this.computedReader = new ComputedReader(this, problems);
    }

    /** The draft of a class, or {@code null} when it cannot be a resource at all. */
    ResourceDraft read(Class<?> type) {
        String simple = type.getSimpleName();
        Resource annotation = type.getAnnotation(Resource.class);
        if (!type.isRecord()) {
            problems.add(simple, null, "is not a record", "declare resources as Java records");
            return null;
        }
        if (annotation == null) {
            problems.add(simple, null, "is not annotated with @Resource", "add @Resource(table = \"...\") to the record");
            return null;
        }
        ResourceDraft draft = new ResourceDraft(type);
        draft.name = annotation.name().isBlank() ? simple : annotation.name();
        draft.polymorphic = annotation.polymorphic();
        draft.spec.table = annotation.table().isBlank() ? null : annotation.table();
        draft.spec.schema = annotation.schema().isBlank() ? null : annotation.schema();
        draft.spec.migrate = annotation.migrate();
        draft.multitenancy = type.getAnnotation(Multitenancy.class);

        readTypeAnnotations(type, draft.spec);
        RecordComponent[] components = type.getRecordComponents();
        draft.componentCount = components.length;
        for (int i = 0; i < components.length; i++) {
            readComponent(draft, components[i], i);
        }
        callConfigure(draft);
        return draft;
    }

    private void readTypeAnnotations(Class<?> type, ResourceSpec<?> spec) {
        for (Identity identity : type.getAnnotationsByType(Identity.class)) {
            IdentitySpec s = spec.identity(identity.name(), identity.keys())
                    .nullsDistinct(identity.nullsDistinct());
            if (!identity.where().isBlank()) {
                s.where(identity.where());
            }
            if (!identity.message().isBlank()) {
                s.message(identity.message());
            }
            if (!identity.indexName().isBlank()) {
                s.indexName(identity.indexName());
            }
        }
        for (CheckConstraint check : type.getAnnotationsByType(CheckConstraint.class)) {
            spec.check(check.name(), check.check().isBlank() ? null : check.check(),
                    check.message().isBlank() ? null : check.message(), check.fields());
        }
        for (CustomIndex index : type.getAnnotationsByType(CustomIndex.class)) {
            IndexSpec s = spec.index(index.fields()).unique(index.unique()).nullsDistinct(index.nullsDistinct())
                    .concurrently(index.concurrently()).include(index.include());
            s.name = blankToNull(index.name());
            s.where = blankToNull(index.where());
            s.using = blankToNull(index.using());
            s.message = blankToNull(index.message());
        }
        for (CustomStatement statement : type.getAnnotationsByType(CustomStatement.class)) {
            spec.statement(statement.name(), statement.up(), statement.down());
        }
        readMigrationAnnotations(type, spec);
    }

    private static void readMigrationAnnotations(Class<?> type, ResourceSpec<?> spec) {
        Renamed renamed = type.getAnnotation(Renamed.class);
        if (renamed != null) {
            spec.renamedFrom(renamed.from());
        }
        Dropped dropped = type.getAnnotation(Dropped.class);
        if (dropped != null) {
            spec.dropped(dropped.value());
        }
        Extensions extensions = type.getAnnotation(Extensions.class);
        if (extensions != null) {
            spec.extension(extensions.value());
        }
        TableOptions options = type.getAnnotation(TableOptions.class);
        if (options != null) {
            spec.createTableOptions = blankToNull(options.createTableOptions());
            spec.baseFilterSql = blankToNull(options.baseFilterSql());
            spec.ignoreAttributes(options.ignoreAttributes());
        }
    }

    private void readComponent(ResourceDraft draft, RecordComponent component, int index) {
        String name = component.getName();
        if (ComputedReader.isComputed(component)) {
            ComputedModel computed = computedReader.read(draft, component, index);
            if (computed != null) {
                draft.computed.add(computed); // an aggregate or calculation: no column, null until loaded
            }
            return;
        }
        Type genericType = component.getGenericType();
        BelongsTo belongsTo = component.getAnnotation(BelongsTo.class);
        HasOne hasOne = component.getAnnotation(HasOne.class);
        HasMany hasMany = component.getAnnotation(HasMany.class);
        ManyToMany manyToMany = component.getAnnotation(ManyToMany.class);
        Reference reference = component.getAnnotation(Reference.class);

        int relationshipAnnotations = (belongsTo != null ? 1 : 0) + (hasOne != null ? 1 : 0)
                + (hasMany != null ? 1 : 0) + (manyToMany != null ? 1 : 0);
        if (relationshipAnnotations > 1) {
            problems.add(draft.simpleName(), name, "has more than one relationship annotation",
                    "keep exactly one of @BelongsTo, @HasOne, @HasMany, @ManyToMany");
            return;
        }
        if (reference != null) {
            ReferenceSpec spec = draft.spec.references.computeIfAbsent(name, r -> new ReferenceSpec(r, "@Reference"));
            spec.onDelete = reference.onDelete();
            spec.nilifyColumns = List.of(reference.nilifyColumns());
            spec.onUpdate = reference.onUpdate();
            spec.name = blankToNull(reference.name());
            spec.deferrable = reference.deferrable();
            spec.index = reference.index();
            spec.enabled = reference.enabled();
            spec.indexWhere = blankToNull(reference.indexWhere());
            spec.matchWith = List.of(reference.matchWith());
            spec.matchType = reference.matchType();
        }
        Renamed renamed = component.getAnnotation(Renamed.class);
        if (renamed != null && (hasOne != null || hasMany != null || manyToMany != null)) {
            problems.add(draft.simpleName(), name, "is a relationship without a column but has @Renamed",
                    "put @Renamed on the attribute or belongs_to whose column was renamed");
        }

        if (belongsTo != null || component.getType() == Ref.class) {
            RelationshipDraft relationship = readBelongsTo(draft, component, index, belongsTo);
            if (renamed != null && relationship != null) {
                draft.spec.attribute(relationship.sourceAttribute).renamedFrom(renamed.from());
            }
        } else if (hasOne != null) {
            RelationshipDraft r = new RelationshipDraft(name, RelationshipKind.HAS_ONE, index);
            r.target = hasOne.target() != void.class ? hasOne.target() : component.getType();
            r.destinationAttribute = blankToNull(hasOne.destinationAttribute());
            r.sourceAttribute = blankToNull(hasOne.sourceAttribute());
            r.table = blankToNull(hasOne.table());
            draft.relationships.add(r);
        } else if (hasMany != null) {
            RelationshipDraft r = new RelationshipDraft(name, RelationshipKind.HAS_MANY, index);
            r.target = hasMany.target() != void.class ? hasMany.target() : listElement(draft, component);
            r.destinationAttribute = blankToNull(hasMany.destinationAttribute());
            r.sourceAttribute = blankToNull(hasMany.sourceAttribute());
            r.table = blankToNull(hasMany.table());
            if (r.target != null) {
                draft.relationships.add(r);
            }
        } else if (manyToMany != null) {
            RelationshipDraft r = new RelationshipDraft(name, RelationshipKind.MANY_TO_MANY, index);
            r.target = manyToMany.target() != void.class ? manyToMany.target() : listElement(draft, component);
            r.through = manyToMany.through();
            r.sourceAttributeOnJoin = blankToNull(manyToMany.sourceAttributeOnJoin());
            r.destinationAttributeOnJoin = blankToNull(manyToMany.destinationAttributeOnJoin());
            if (r.target != null) {
                draft.relationships.add(r);
            }
        } else {
            readAttribute(draft, component, index);
            if (renamed != null) {
                draft.spec.attribute(name).renamedFrom(renamed.from());
            }
        }
    }

    private RelationshipDraft readBelongsTo(ResourceDraft draft, RecordComponent component, int index, BelongsTo belongsTo) {
        String name = component.getName();
        if (component.getType() != Ref.class || !(component.getGenericType() instanceof ParameterizedType ref)) {
            problems.add(draft.simpleName(), name, "is a belongs_to relationship but its type is "
                    + component.getGenericType().getTypeName(), "declare it as Ref<Target, KeyType>");
            return null;
        }
        RelationshipDraft r = new RelationshipDraft(name, RelationshipKind.BELONGS_TO, index);
        Type targetArg = ref.getActualTypeArguments()[0];
        r.target = belongsTo != null && belongsTo.target() != void.class ? belongsTo.target()
                : targetArg instanceof Class<?> c ? c : null;
        r.keyType = ref.getActualTypeArguments()[1];
        if (r.target == null) {
            problems.add(draft.simpleName(), name, "has no concrete target type", "declare it as Ref<Target, KeyType>");
            return null;
        }
        r.sourceAttribute = belongsTo != null && !belongsTo.attribute().isBlank() ? belongsTo.attribute() : name + "Id";
        r.keyColumn = belongsTo != null && !belongsTo.column().isBlank() ? belongsTo.column() : null;
        r.destinationAttribute = belongsTo != null ? blankToNull(belongsTo.destinationAttribute()) : null;
        r.allowNil = belongsTo == null || belongsTo.allowNil();
        r.writable = belongsTo == null || belongsTo.writable();
        r.primaryKey = belongsTo != null && belongsTo.primaryKey();
        draft.relationships.add(r);
        return r;
    }

    private Class<?> listElement(ResourceDraft draft, RecordComponent component) {
        if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        problems.add(draft.simpleName(), component.getName(), "is a to-many relationship but its type is "
                + component.getGenericType().getTypeName(), "declare it as List<Target>");
        return null;
    }

    private void readAttribute(ResourceDraft draft, RecordComponent component, int index) {
        String name = component.getName();
        if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isAnnotationPresent(Resource.class)) {
            problems.add(draft.simpleName(), name, "is a List of the resource " + element.getSimpleName()
                    + " without a relationship annotation", "annotate it with @HasMany or @ManyToMany");
            return;
        }
        PrimaryKey primaryKey = component.getAnnotation(PrimaryKey.class);
        Attribute attribute = component.getAnnotation(Attribute.class);
        CreateTimestamp created = component.getAnnotation(CreateTimestamp.class);
        UpdateTimestamp updated = component.getAnnotation(UpdateTimestamp.class);

        AttributeDraft a = new AttributeDraft(name, index);
        a.genericType = component.getGenericType();
        a.primaryKey = primaryKey != null;
        a.version = component.isAnnotationPresent(Version.class);
        if (primaryKey != null) {
            a.keyGeneration = primaryKey.generated();
            a.column = blankToNull(primaryKey.column());
        }
        if (created != null || updated != null) {
            a.timestamp = created != null ? io.ashspring.resource.model.TimestampKind.CREATE
                    : io.ashspring.resource.model.TimestampKind.UPDATE;
            a.column = blankToNull(created != null ? created.column() : updated.column());
            if (created != null && updated != null) {
                problems.add(draft.simpleName(), name, "is both @CreateTimestamp and @UpdateTimestamp", "keep one");
            }
        }
        TypeOptions options = TypeOptions.DEFAULT;
        AttributeSpec spec = draft.spec.attribute(name);
        if (attribute != null) {
            if (a.column == null) {
                a.column = blankToNull(attribute.column());
            }
            spec.allowNil = attribute.allowNil();
            spec.writable = attribute.writable();
            spec.isPublic = attribute.isPublic();
            spec.sensitive = attribute.sensitive();
            spec.defaultValue = blankToNull(attribute.defaultValue());
            spec.sqlDefault = blankToNull(attribute.sqlDefault());
            spec.columnType = blankToNull(attribute.columnType());
            spec.minLength = attribute.minLength() >= 0 ? attribute.minLength() : null;
            int maxLength = attribute.maxLength() >= 0 ? attribute.maxLength() : attribute.varchar();
            spec.maxLength = maxLength >= 0 ? maxLength : null;
            spec.match = blankToNull(attribute.match());
            spec.min = blankToNull(attribute.min());
            spec.max = blankToNull(attribute.max());
            spec.oneOf = attribute.oneOf().length > 0 ? List.of(attribute.oneOf()) : null;
            options = new TypeOptions(attribute.citext(), attribute.varchar(), attribute.precision(), attribute.scale(), null);
        }
        a.typeOptions = options;
        draft.attributes.add(a);
    }

    /** The type registry attributes and action arguments are resolved with. */
    TypeRegistry types() {
        return types;
    }

    /** Resolves an attribute's type, reporting an unsupported one. */
    AttributeType resolveType(ResourceDraft draft, String member, Type type, TypeOptions options) {
        try {
            return types.resolve(type, options);
        } catch (UnsupportedTypeException e) {
            problems.add(draft.simpleName(), member, e.getMessage(),
                    "change the component's type, or map it with @Attribute(columnType = ...) on a supported type");
            return null;
        }
    }

    private void callConfigure(ResourceDraft draft) {
        Method configure = null;
        for (Method method : draft.type.getDeclaredMethods()) {
            if (method.getName().equals("configure") && method.getParameterCount() == 1
                    && method.getParameterTypes()[0] == ResourceSpec.class) {
                configure = method;
            }
        }
        if (configure == null) {
            return;
        }
        if (!Modifier.isStatic(configure.getModifiers())) {
            problems.add(draft.simpleName(), "configure", "is not static",
                    "declare it as static void configure(ResourceSpec<" + draft.simpleName() + "> spec)");
            return;
        }
        try {
            configure.setAccessible(true);
            configure.invoke(null, draft.spec);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(draft.simpleName(), "configure", "threw " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    "fix the configure hook");
        } catch (IllegalAccessException | RuntimeException e) {
            problems.add(draft.simpleName(), "configure", "cannot be called: " + e.getMessage(),
                    "make the record and its configure method accessible (not private in a non-open module)");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Mutable state of one resource while the registry is built. */
    static final class ResourceDraft {
        final Class<?> type;
        final ResourceSpec<?> spec;
        String name;
        boolean polymorphic;
        Multitenancy multitenancy;
        int componentCount;
        final List<AttributeDraft> attributes = new ArrayList<>();
        final List<RelationshipDraft> relationships = new ArrayList<>();
        final List<ComputedModel> computed = new ArrayList<>();

        @SuppressWarnings({"unchecked", "rawtypes"})
        ResourceDraft(Class<?> type) {
            this.type = type;
            this.spec = new ResourceSpec(type);
        }

        String simpleName() {
            return type.getSimpleName();
        }
    }

    /** An attribute read from a component, before its spec is applied. */
    static final class AttributeDraft {
        final String name;
        final int component;
        Type genericType;
        TypeOptions typeOptions = TypeOptions.DEFAULT;
        String column;
        boolean primaryKey;
        boolean version;
        KeyGeneration keyGeneration = KeyGeneration.NONE;
        io.ashspring.resource.model.TimestampKind timestamp = io.ashspring.resource.model.TimestampKind.NONE;

        AttributeDraft(String name, int component) {
            this.name = name;
            this.component = component;
        }
    }

    /** A relationship read from a component, before targets are linked. */
    static final class RelationshipDraft {
        final String name;
        final RelationshipKind kind;
        final int component;
        Class<?> target;
        Type keyType;
        String sourceAttribute;
        String keyColumn;
        String destinationAttribute;
        Class<?> through;
        String sourceAttributeOnJoin;
        String destinationAttributeOnJoin;
        String table;
        boolean allowNil = true;
        boolean writable = true;
        boolean primaryKey;

        RelationshipDraft(String name, RelationshipKind kind, int component) {
            this.name = name;
            this.kind = kind;
            this.component = component;
        }
    }
}
