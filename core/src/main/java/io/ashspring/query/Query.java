package io.ashspring.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;

/**
 * What to read: a filter, a sort, a limit and an offset. Immutable: each method returns a new query.
 *
 * <pre>{@code
 * Query.all().where("status", Status.OPEN).sort("-insertedAt").limit(20)
 * }</pre>
 *
 * This is the seam the query engine fills: loads, calculations, aggregates, keyset pages and locks
 * are added here as that work lands.
 */
public final class Query {

    private static final Query ALL = new Query(null, List.of(), null, 0);

    private final Expr filter;
    private final List<SortKey> sort;
    private final Integer limit;
    private final long offset;

    private Query(Expr filter, List<SortKey> sort, Integer limit, long offset) {
        this.filter = filter;
        this.sort = List.copyOf(sort);
        this.limit = limit;
        this.offset = offset;
    }

    /** Every record, in no particular order. */
    public static Query all() {
        return ALL;
    }

    /** Adds a filter, combined with any existing one by {@code and}. */
    public Query filter(Expr expression) {
        Objects.requireNonNull(expression, "expression");
        return new Query(filter == null ? expression : Expressions.and(filter, expression), sort, limit, offset);
    }

    /** Adds an equality filter. */
    public Query where(String attribute, Object value) {
        return filter(Expressions.eq(attribute, value));
    }

    /** Appends sort keys such as {@code "-insertedAt"} (descending) or {@code "subject"}. */
    public Query sort(String... keys) {
        List<SortKey> next = new ArrayList<>(sort);
        for (String key : keys) {
            next.add(SortKey.parse(key));
        }
        return new Query(filter, next, limit, offset);
    }

    /** Appends sort keys. */
    public Query sort(SortKey... keys) {
        List<SortKey> next = new ArrayList<>(sort);
        next.addAll(List.of(keys));
        return new Query(filter, next, limit, offset);
    }

    /** Appends a Spring Data sort. */
    public Query sort(Sort springSort) {
        List<SortKey> next = new ArrayList<>(sort);
        for (Sort.Order order : springSort) {
            SortKey.Nulls nulls = switch (order.getNullHandling()) {
                case NULLS_FIRST -> SortKey.Nulls.FIRST;
                case NULLS_LAST -> SortKey.Nulls.LAST;
                default -> SortKey.Nulls.DEFAULT;
            };
            next.add(new SortKey(order.getProperty(), order.isDescending(), nulls));
        }
        return new Query(filter, next, limit, offset);
    }

    /** At most this many records. */
    public Query limit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + max);
        }
        return new Query(filter, sort, max, offset);
    }

    /** Skips this many records. */
    public Query offset(long skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + skip);
        }
        return new Query(filter, sort, limit, skip);
    }

    /** Applies a Spring Data page request: its sort, limit and offset. */
    public Query page(Pageable pageable) {
        Query query = sort(pageable.getSort());
        return pageable.isPaged() ? query.limit(pageable.getPageSize()).offset(pageable.getOffset()) : query;
    }

    /** The filter, or {@code null}. */
    public Expr filter() {
        return filter;
    }

    /** The sort keys, in order. */
    public List<SortKey> sort() {
        return sort;
    }

    /** The limit, or {@code null}. */
    public Integer limit() {
        return limit;
    }

    /** The offset. */
    public long offset() {
        return offset;
    }

    /** The same filter without sort, limit or offset (for counting). */
    public Query unpaged() {
        return new Query(filter, List.of(), null, 0);
    }

    @Override
    public String toString() {
        return "Query[filter=" + filter + ", sort=" + sort + ", limit=" + limit + ", offset=" + offset + "]";
    }
}
