package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.query.Query;
import io.ashspring.resource.Ref;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.CalculationModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.SqlCompiler;
import io.ashspring.type.AttributeType;

/**
 * Fills in the loads of a query on records already read: relationships with one batched
 * statement per relationship and level ({@code WHERE fk = ANY(?)}), however many parents there
 * are, rendered by the call's (tenant's) compiler; then Java calculations. Records are immutable, so each parent is rebuilt with its loaded
 * components. Aggregates and SQL calculations are not loaded here: the read selects them.
 */
final class Loader {

    private final Function<Class<?>, ResourceModel> resources;
    private final SqlCompiler compiler;
    private final JdbcClient jdbc;
    private final ReadRouting reads;
    private final Map<ResourceModel, RecordMapper<Object>> mappers = new ConcurrentHashMap<>();

    Loader(Function<Class<?>, ResourceModel> resources, SqlCompiler compiler, JdbcClient jdbc, ReadRouting reads) {
        this.resources = resources;
        this.compiler = compiler;
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** The mapper of a resource's rows, including the columns a query loads. */
    RowMapper<Object> rows(ResourceModel resource, Query query) {
        return mapper(resource).withComputed(compiler.loadedColumns(resource, query));
    }

    RecordMapper<Object> mapper(ResourceModel resource) {
        return mappers.computeIfAbsent(resource, RecordMapper::new);
    }

    /** The records with the query's relationship loads and Java calculations filled in, in the same order. */
    @SuppressWarnings("unchecked")
    <T> List<T> load(SqlCompiler compiler, ResourceModel resource, List<T> records, Query query) {
        if (query.loads().isEmpty() || records.isEmpty()) {
            return records;
        }
        List<Object> current = new ArrayList<>(records);
        for (Map.Entry<String, Query> load : query.loads().entrySet()) {
            RelationshipModel relationship = resource.relationship(load.getKey()).orElse(null);
            if (relationship != null) {
                current = relationship(compiler, resource, current, relationship, load.getValue());
            }
        }
        for (String name : query.loads().keySet()) {
            ComputedModel field = resource.computed(name).orElse(null);
            if (field instanceof CalculationModel calculation && !calculation.inSql()) {
                RecordMapper<Object> mapper = mapper(resource);
                for (int i = 0; i < current.size(); i++) {
                    Object record = current.get(i);
                    current.set(i, mapper.with(record, calculation.component(), calculation.computation().compute(record)));
                }
            }
        }
        return (List<T>) current;
    }

    private List<Object> relationship(SqlCompiler compiler, ResourceModel source, List<Object> parents,
                                      RelationshipModel relationship, Query load) {
        RecordMapper<Object> parentMapper = mapper(source);
        AttributeModel sourceKey = source.requireAttribute(relationship.sourceAttribute());
        ResourceModel target = resources.apply(relationship.target());
        AttributeType keyType = childKeyType(relationship, target);
        List<Object> parentKeys = new ArrayList<>(parents.size());
        Set<Object> keys = new LinkedHashSet<>();
        for (Object parent : parents) {
            Object value = parentMapper.value(parent, sourceKey);
            Object key = value == null ? null : keyType.coerce(value);
            parentKeys.add(key);
            if (key != null) {
                keys.add(key);
            }
        }
        Map<Object, List<Object>> children = keys.isEmpty() ? Map.of() : children(compiler, source, relationship, target,
                load, keyType, keys);
        List<Object> loaded = new ArrayList<>(parents.size());
        for (int i = 0; i < parents.size(); i++) {
            Object parent = parents.get(i);
            List<Object> related = parentKeys.get(i) == null ? List.of() : children.getOrDefault(parentKeys.get(i), List.of());
            Object value = switch (relationship.kind()) {
                case HAS_MANY, MANY_TO_MANY -> List.copyOf(related);
                case HAS_ONE -> related.isEmpty() ? null : related.get(0);
                case BELONGS_TO -> {
                    Object ref = parentMapper.component(parent, relationship.component());
                    yield ref == null || related.isEmpty() ? ref : Ref.loaded(((Ref<?, ?>) ref).id(), related.get(0));
                }
            };
            loaded.add(parentMapper.with(parent, relationship.component(), value));
        }
        return loaded;
    }

    /** One statement for every parent: the related records by parent key, in the load's order, with their own loads. */
    private Map<Object, List<Object>> children(SqlCompiler compiler, ResourceModel source, RelationshipModel relationship,
                                               ResourceModel target, Query load, AttributeType keyType, Set<Object> keys) {
        RenderedSql sql = compiler.related(source, relationship, load, keyType, keys);
        RowMapper<Object> rows = rows(target, load);
        List<Object> parentKeys = new ArrayList<>();
        List<Object> records;
        try {
            if (relationship.kind() == RelationshipKind.MANY_TO_MANY) { // the join row's key, after the loaded columns
                int keyColumn = target.attributes().size() + compiler.loadedColumns(target, load).size() + 1;
                records = reads.client(jdbc).sql(sql.sql()).params(sql.binds()).query((rs, n) -> {
                    parentKeys.add(keyType.read(rs, keyColumn));
                    return rows.mapRow(rs, n);
                }).list();
            } else { // the record's own destination attribute: read once, not twice
                records = reads.client(jdbc).sql(sql.sql()).params(sql.binds()).query(rows).list();
                RecordMapper<Object> mapper = mapper(target);
                AttributeModel destination = target.requireAttribute(relationship.destinationAttribute());
                records.forEach(record -> parentKeys.add(mapper.value(record, destination)));
            }
        } catch (DataAccessException e) {
            throw QueryErrors.translate(e, target, sql);
        }
        records = load(compiler, target, records, load); // the next level: one statement per relationship, for all children
        Map<Object, List<Object>> byParent = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byParent.computeIfAbsent(parentKeys.get(i), k -> new ArrayList<>()).add(records.get(i));
        }
        return byParent;
    }

    /** The type of the key that ties a related row to its parent. */
    private AttributeType childKeyType(RelationshipModel relationship, ResourceModel target) {
        if (relationship.kind() == RelationshipKind.MANY_TO_MANY) {
            return resources.apply(relationship.through()).requireAttribute(relationship.sourceAttributeOnJoin()).type();
        }
        return target.requireAttribute(relationship.destinationAttribute()).type();
    }
}
