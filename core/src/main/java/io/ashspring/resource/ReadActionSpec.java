package io.ashspring.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ashspring.action.ActionKind;

/**
 * A read action: a filter and a sort, with arguments the filter refers to as {@code ^arg(name)}.
 *
 * <pre>{@code
 * spec.read("openTickets").filter("status == 'open' and priority >= ^arg(min)")
 *     .argument("min", Integer.class, a -> a.defaultValue(0)).sort("-insertedAt");
 * }</pre>
 *
 * @param <T> the resource's record type
 */
public final class ReadActionSpec<T> extends ActionSpec<T, ReadActionSpec<T>> {

    final List<String> filters = new ArrayList<>();
    final List<String> sort = new ArrayList<>();

    ReadActionSpec(String name) {
        super(name, ActionKind.READ);
    }

    /**
     * Adds a filter, in the expression syntax of {@link io.ashspring.expr.ExpressionParser}, combined
     * with the others by {@code and}. Checked when the registry is built: it must parse and name only
     * what the resource has.
     */
    public ReadActionSpec<T> filter(String expression) {
        filters.add(expression);
        return this;
    }

    /**
     * Sort keys ({@code "-insertedAt"}, see {@link io.ashspring.expr.SortKey#parse}); a caller's
     * query that sorts replaces them.
     */
    public ReadActionSpec<T> sort(String... keys) {
        sort.addAll(Arrays.asList(keys));
        return this;
    }
}
