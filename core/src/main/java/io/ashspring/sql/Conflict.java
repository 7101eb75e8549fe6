package io.ashspring.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ashspring.expr.Expr;
import io.ashspring.resource.model.AttributeModel;

/**
 * The {@code ON CONFLICT} clause of an upsert, resolved against a resource:
 * {@code ON CONFLICT (<target>) WHERE <targetWhere> DO UPDATE SET <set> WHERE <condition>}.
 *
 * @param target the columns of the unique index (an identity's keys, or the primary key)
 * @param targetWhere the SQL predicate of a partial identity's index, or {@code null}
 * @param set what a conflict sets: values, or expressions over the stored row ({@code excluded(x)}
 *        is the proposed row's); update timestamps are added when left out
 * @param condition which stored rows are updated (the others are skipped), or {@code null} for all
 */
public record Conflict(List<AttributeModel> target, String targetWhere, Map<AttributeModel, Object> set, Expr condition) {

    /** Canonical constructor: copies the collections. */
    public Conflict {
        target = List.copyOf(target);
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }
}
