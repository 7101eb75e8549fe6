package io.ashspring.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.IdentityModel;

/**
 * How a create becomes an upsert: {@code INSERT … ON CONFLICT (<identity>) DO UPDATE SET <fields>
 * WHERE <condition>}. Build it with {@link #on(String)} or {@link #onPrimaryKey()}:
 *
 * <pre>{@code
 * Upsert.on("unique_email")                               // which identity (its keys, its where)
 *       .update("name", "plan")                           // which fields the conflict updates
 *       .set("logins", "logins + excluded(logins)")       // atomic values; excluded(x) is the input's
 *       .where("version < excluded(version)")            // rows where it is false are skipped
 * }</pre>
 *
 * @param identity the identity's name, or {@code null} for the primary key
 * @param fields the attributes the conflict sets to the input's values; {@code null}: every
 *        attribute the input gives or a change sets, but the keys
 * @param values attributes the conflict sets to an expression evaluated against the stored row
 *        ({@code excluded(name)} is the input's value), by attribute name
 * @param condition the stored rows that are updated (the others are skipped), or {@code null} for all
 */
public record Upsert(String identity, List<String> fields, Map<String, Expr> values, Expr condition) {

    /** Canonical constructor: copies the collections. */
    public Upsert {
        fields = fields == null ? null : List.copyOf(fields);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An upsert on an identity, by its name ({@code @Identity(name = ...)} or {@code spec.identity(name, ...)}). */
    public static Upsert on(String identity) {
        return new Upsert(Objects.requireNonNull(identity, "identity"), null, Map.of(), null);
    }

    /** An upsert on the primary key. */
    public static Upsert onPrimaryKey() {
        return new Upsert(null, null, Map.of(), null);
    }

    /** Updates only these attributes on a conflict (to the input's values); none: only what {@link #set} gives. */
    public Upsert update(String... names) {
        return new Upsert(identity, Arrays.asList(names), values, condition);
    }

    /** On a conflict, sets the attribute to an expression over the stored row ({@code excluded(x)}: the input's). */
    public Upsert set(String attribute, Expr value) {
        Map<String, Expr> more = new LinkedHashMap<>(values);
        more.put(attribute, value);
        return new Upsert(identity, fields, more, condition);
    }

    /** {@link #set(String, Expr)} with expression text: {@code set("logins", "logins + excluded(logins)")}. */
    public Upsert set(String attribute, String expression) {
        return set(attribute, Expressions.parse(expression));
    }

    /** Updates only stored rows for which the condition holds; the others are skipped (and reported). */
    public Upsert where(Expr newCondition) {
        return new Upsert(identity, fields, values, newCondition);
    }

    /** {@link #where(Expr)} with expression text: {@code where("version < excluded(version)")}. */
    public Upsert where(String expression) {
        return where(Expressions.parse(expression));
    }

    /**
     * What is wrong with this upsert for a resource, each as "problem. Fix: ..." (empty when nothing).
     *
     * @param resource the resource's name, for the messages
     * @param attributes the resource's attributes by name
     * @param identities the resource's identities
     */
    public List<String> problems(String resource, Map<String, AttributeModel> attributes, List<IdentityModel> identities) {
        List<String> problems = new ArrayList<>();
        if (identity != null && identities.stream().noneMatch(i -> i.name().equals(identity))) {
            problems.add("upserts on the identity '" + identity + "', which " + resource + " does not declare. Fix: use one of: "
                    + (identities.isEmpty() ? "none (declare @Identity or spec.identity(...)), or Upsert.onPrimaryKey()"
                    : String.join(", ", identities.stream().map(IdentityModel::name).toList())));
        }
        List<String> set = new ArrayList<>(fields == null ? List.of() : fields);
        set.addAll(values.keySet());
        for (String field : set) {
            AttributeModel attribute = attributes.get(field);
            if (attribute == null || !attribute.writable() || attribute.primaryKey()) {
                problems.add("upsert field '" + field + "' is not " + (attribute == null ? "an attribute of " + resource
                        : "an attribute an update can set (" + (attribute.primaryKey() ? "it is the primary key" : "not writable")
                        + ")") + ". Fix: name writable attributes of " + resource);
            }
        }
        return problems;
    }
}
