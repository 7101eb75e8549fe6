package io.ashspring.resource.model;

import java.util.List;

import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.AggregateKind;
import io.ashspring.type.AttributeType;

/**
 * An aggregate component: computed in SQL over the records of one relationship.
 *
 * @param name the component's name
 * @param kind what is computed
 * @param relationship the relationship aggregated over
 * @param field the target's attribute aggregated, or {@code null} (count, exists)
 * @param filter the condition on related records, or {@code null}
 * @param sort the order of related records (first, list)
 * @param distinct whether only distinct values count
 * @param defaultValue the value when there is nothing to aggregate (already of the component's type), or {@code null}
 * @param type how the value is read and how values compared with it are bound
 * @param component the index of the record component
 * @param isPublic whether untrusted input may reach it
 */
public record AggregateModel(String name, AggregateKind kind, String relationship, String field, Expr filter,
                             List<SortKey> sort, boolean distinct, Object defaultValue, AttributeType type,
                             int component, boolean isPublic) implements ComputedModel {

    /** Canonical constructor: copies the sort. */
    public AggregateModel {
        sort = List.copyOf(sort);
    }
}
