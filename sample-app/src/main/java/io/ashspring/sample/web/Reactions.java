package io.ashspring.sample.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.ashspring.query.Changeset;
import io.ashspring.query.Query;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Reaction;
import io.ashspring.sql.SqlIdentifiers;

import static io.ashspring.expr.Expressions.eq;

/**
 * Adds a {@link Reaction} to a post or a comment, in the table of the
 * relationship it is made through ({@code post_reactions}, {@code comment_reactions}).
 *
 * <p>{@code ResourceService} reads a polymorphic resource's rows through relationship loads, but
 * cannot write them yet: it has no way to be told the table. Until it can, this class inserts the
 * row itself, keeping to the library's rules: the input is validated by the resource model
 * ({@link Changeset#forCreate}: unknown fields, types, required values, lengths, all as 422 field
 * errors), every name comes from the model and is quoted, every value is bound.
 */
@Component
final class Reactions {

    private final ResourceRegistry registry;
    private final JdbcClient jdbc;

    Reactions(ResourceRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /**
     * Inserts a reaction to {@code subjectId} (a record of {@code owners} the caller has read) through
     * the owner's relationship, and returns it as that relationship loads it. The subject given by
     * the caller wins over any in the input.
     */
    <T> Reaction add(ResourceService<T> owners, UUID subjectId, String relationshipName,
                     Function<T, List<Reaction>> reactionsOf, Map<String, ?> input) {
        ResourceModel owner = owners.resource();
        RelationshipModel relationship = owner.relationship(relationshipName).orElseThrow(
                () -> new IllegalArgumentException(owner.name() + " has no relationship " + relationshipName));
        ResourceModel reaction = registry.resource(relationship.target());
        Map<String, Object> values = new LinkedHashMap<>(input);
        values.put(relationship.destinationAttribute(), subjectId);
        Map<AttributeModel, Object> checked = Changeset.forCreate(reaction, values).values();

        List<Object> binds = new ArrayList<>(checked.values());
        String sql = "INSERT INTO " + SqlIdentifiers.qualified(reaction.schema(), relationship.table())
                + " (" + checked.keySet().stream().map(a -> SqlIdentifiers.quote(a.column())).collect(Collectors.joining(", "))
                + ") VALUES (" + checked.keySet().stream().map(a -> "?").collect(Collectors.joining(", "))
                + ") RETURNING " + SqlIdentifiers.quote(reaction.primaryKey().get(0).column());
        UUID id = jdbc.sql(sql).params(binds).query(UUID.class).single();
        T withIt = owners.get(subjectId, Query.all().load(relationshipName, q -> q.filter(eq("id", id))));
        return reactionsOf.apply(withIt).get(0);
    }
}
