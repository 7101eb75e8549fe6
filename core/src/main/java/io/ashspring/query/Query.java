package io.ashspring.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.expr.Expressions;

/**
 * What to read: a filter, a sort, a limit and an offset, the attributes to select, distinct-on
 * attributes, a row lock and the arguments its expressions refer to. Immutable: each method
 * returns a new query.
 *
 * <pre>{@code
 * Query.all().where("status", Status.OPEN).sort("-insertedAt").limit(20)
 * Query.all().filter("priority > ^arg(min) and representative.name ilike '%ann%'").argument("min", 3)
 * }</pre>
 *
 * Two queries combine as sets of records: {@code open.union(urgent)}, {@code intersect},
 * {@code except}.
 *
 * <p>Loads name relationships, aggregates and calculations to fill in:
 * {@code Query.all().load("comments", q -> q.sort("-insertedAt").limit(3)).load("commentCount")}.
 */
public final class Query {

    private static final Query ALL = new Query(new State());

    /** The mutable twin of a query, used only while copying one. */
    private static final class State {
        Expr filter;
        List<SortKey> sort = List.of();
        Integer limit;
        long offset;
        List<String> select;
        List<String> deselect = List.of();
        List<String> distinct = List.of();
        Lock lock;
        Map<String, Object> arguments = Map.of();
        Map<String, Query> loads = Map.of();
        Combination combination;
        boolean primary;

        State copy() {
            State copy = new State();
            copy.filter = filter;
            copy.sort = sort;
            copy.limit = limit;
            copy.offset = offset;
            copy.select = select;
            copy.deselect = deselect;
            copy.distinct = distinct;
            copy.lock = lock;
            copy.arguments = arguments;
            copy.loads = loads;
            copy.combination = combination;
            copy.primary = primary;
            return copy;
        }
    }

    private final State state;

    private Query(State state) {
        this.state = state;
    }

    /** Every record, in no particular order. */
    public static Query all() {
        return ALL;
    }

    private Query with(Consumer<State> change) {
        State next = state.copy();
        change.accept(next);
        return new Query(next);
    }

    /** Adds a filter, combined with any existing one by {@code and}. */
    public Query filter(Expr expression) {
        Objects.requireNonNull(expression, "expression");
        return with(s -> s.filter = s.filter == null ? expression : Expressions.and(s.filter, expression));
    }

    /**
     * Adds a filter written as text ({@code "status == 'open' and priority > ^arg(min)"}); see
     * {@link io.ashspring.expr.ExpressionParser}. The text is code: never build it from untrusted
     * input (use {@link QueryInput} for that).
     *
     * @throws io.ashspring.error.ExpressionSyntaxException pointing at the column at fault
     */
    public Query filter(String expression) {
        return filter(Expressions.parse(expression));
    }

    /** Adds an equality filter. */
    public Query where(String attribute, Object value) {
        return filter(Expressions.eq(attribute, value));
    }

    /**
     * Appends sort keys such as {@code "-insertedAt"} (descending), {@code "subject"} or
     * {@code "representative.name"}; see {@link SortKey#parse(String)}.
     */
    public Query sort(String... keys) {
        List<SortKey> parsed = new ArrayList<>();
        for (String key : keys) {
            parsed.add(SortKey.parse(key));
        }
        return sort(parsed);
    }

    /** Appends sort keys. */
    public Query sort(SortKey... keys) {
        return sort(List.of(keys));
    }

    /** Appends sort keys. */
    public Query sort(List<SortKey> keys) {
        List<SortKey> next = new ArrayList<>(state.sort);
        next.addAll(keys);
        return with(s -> s.sort = List.copyOf(next));
    }

    /** Appends a Spring Data sort; an order that ignores case sorts by {@code lower(property)}. */
    public Query sort(Sort springSort) {
        List<SortKey> keys = new ArrayList<>();
        for (Sort.Order order : springSort) {
            SortKey.Nulls nulls = switch (order.getNullHandling()) {
                case NULLS_FIRST -> SortKey.Nulls.FIRST;
                case NULLS_LAST -> SortKey.Nulls.LAST;
                default -> SortKey.Nulls.DEFAULT;
            };
            Expr property = Expressions.attr(order.getProperty().trim());
            keys.add(new SortKey(order.isIgnoreCase() ? Expressions.lower(property) : property, order.isDescending(), nulls));
        }
        return sort(keys);
    }

    /** The same query without any sort. */
    public Query unsorted() {
        return with(s -> s.sort = List.of());
    }

    /** At most this many records. */
    public Query limit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + max);
        }
        return with(s -> s.limit = max);
    }

    /** Skips this many records. */
    public Query offset(long skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + skip);
        }
        return with(s -> s.offset = skip);
    }

    /** Applies a Spring Data page request: its sort, limit and offset. */
    public Query page(Pageable pageable) {
        Query query = sort(pageable.getSort());
        return pageable.isPaged() ? query.limit(pageable.getPageSize()).offset(pageable.getOffset()) : query;
    }

    /**
     * Reads only these attributes (and always the primary key); the record components of the others
     * are null. Calling it again adds to the selection.
     */
    public Query select(String... attributes) {
        List<String> next = new ArrayList<>(state.select == null ? List.of() : state.select);
        next.addAll(List.of(attributes));
        return with(s -> s.select = List.copyOf(next));
    }

    /** Reads every attribute but these (the primary key cannot be left out); their components are null. */
    public Query deselect(String... attributes) {
        List<String> next = new ArrayList<>(state.deselect);
        next.addAll(List.of(attributes));
        return with(s -> s.deselect = List.copyOf(next));
    }

    /**
     * Keeps one record per distinct combination of these attributes ({@code SELECT DISTINCT ON}):
     * the first by the query's sort. The results come ordered by these attributes first.
     */
    public Query distinct(String... attributes) {
        List<String> next = new ArrayList<>(state.distinct);
        next.addAll(List.of(attributes));
        return with(s -> s.distinct = List.copyOf(next));
    }

    /** Locks the rows read until the surrounding transaction ends ({@code FOR UPDATE} and friends). */
    public Query lock(Lock lock) {
        Objects.requireNonNull(lock, "lock");
        return with(s -> s.lock = lock);
    }

    /** Gives the value of {@code ^arg(name)} references in the filter and sort; bound like any value. */
    public Query argument(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> next = new LinkedHashMap<>(state.arguments);
        next.put(name, value);
        return with(s -> s.arguments = Collections.unmodifiableMap(next));
    }

    /** Gives the values of several {@code ^arg(name)} references. */
    public Query arguments(Map<String, ?> values) {
        Map<String, Object> next = new LinkedHashMap<>(state.arguments);
        next.putAll(values);
        return with(s -> s.arguments = Collections.unmodifiableMap(next));
    }

    /**
     * Loads relationships, aggregates and calculations by name ({@code "comments"},
     * {@code "commentCount"}); a dotted name loads through a relationship ({@code "comments.author"}).
     * Unloaded ones stay {@code null} in the records read. A relationship is read with one batched
     * statement per level, however many records the query returns.
     */
    public Query load(String... names) {
        Query query = this;
        for (String name : names) {
            query = query.load(name, UnaryOperator.identity());
        }
        return query;
    }

    /**
     * Loads a relationship (or a dotted path of them) with its own query: a filter, a sort and a
     * limit applied per parent record: {@code load("comments", q -> q.sort("-insertedAt").limit(3))}.
     * Loading the same name again refines the earlier load.
     */
    public Query load(String name, UnaryOperator<Query> options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        int dot = name.indexOf('.');
        String head = dot < 0 ? name : name.substring(0, dot);
        if (head.isBlank() || dot == name.length() - 1) {
            throw new IllegalArgumentException("a load needs a name (and no empty path steps): '" + name + "'");
        }
        Query current = state.loads.getOrDefault(head, ALL);
        Query next = dot < 0 ? options.apply(current) : current.load(name.substring(dot + 1), options);
        Map<String, Query> loads = new LinkedHashMap<>(state.loads);
        loads.put(head, Objects.requireNonNull(next, "the load options returned null"));
        return with(s -> s.loads = Collections.unmodifiableMap(loads));
    }

    /** The loads by name, each with its own query (its nested loads, filter, sort and per-parent limit). */
    public Map<String, Query> loads() {
        return state.loads;
    }

    /** The filter, or {@code null}. */
    public Expr filter() {
        return state.filter;
    }

    /** The sort keys, in order. */
    public List<SortKey> sort() {
        return state.sort;
    }

    /** The limit, or {@code null}. */
    public Integer limit() {
        return state.limit;
    }

    /** The offset. */
    public long offset() {
        return state.offset;
    }

    /** The attributes asked for by {@link #select}, or {@code null} for all. */
    public List<String> selected() {
        return state.select;
    }

    /** The attributes left out by {@link #deselect}. */
    public List<String> deselected() {
        return state.deselect;
    }

    /** The distinct-on attributes (empty: none). */
    public List<String> distinct() {
        return state.distinct;
    }

    /** The row lock, or {@code null}. */
    public Lock lock() {
        return state.lock;
    }

    /** The arguments by name (values may be null). */
    public Map<String, Object> arguments() {
        return state.arguments;
    }

    /**
     * The records of this query and of another (a set: each record once), to filter, sort, page
     * and load further: {@code open.union(urgent).sort("subject").load("comments")}. Each side keeps
     * its own filter, sort, limit, offset and distinct; loads, select and locks belong on the
     * combined query.
     */
    public Query union(Query other) {
        return combine(Combination.Operation.UNION, other);
    }

    /** The records both this query and another read (see {@link #union(Query)}). */
    public Query intersect(Query other) {
        return combine(Combination.Operation.INTERSECT, other);
    }

    /** The records this query reads and another does not (see {@link #union(Query)}). */
    public Query except(Query other) {
        return combine(Combination.Operation.EXCEPT, other);
    }

    private Query combine(Combination.Operation operation, Query other) {
        Combination combination = new Combination(operation, this, other);
        return ALL.with(s -> s.combination = combination);
    }

    /** The set operation whose records this query reads (before its own filter), or {@code null}. */
    public Combination combination() {
        return state.combination;
    }

    /**
     * This query read on the primary database even where read replicas are configured: for a read that
     * must see a write made just before by another thread or process (see {@code docs/replicas.md}).
     * Inside a transaction every read already runs on the transaction's connection.
     */
    public Query usingPrimary() {
        return with(s -> s.primary = true);
    }

    /** Whether {@link #usingPrimary()} asked for the primary database. */
    public boolean isUsingPrimary() {
        return state.primary;
    }

    /** The same filter, distinct and arguments, without sort, limit, offset or lock (for counting). */
    public Query unpaged() {
        return with(s -> {
            s.sort = List.of();
            s.limit = null;
            s.offset = 0;
            s.lock = null;
        });
    }

    @Override
    public String toString() {
        return "Query[filter=" + state.filter + ", sort=" + state.sort + ", limit=" + state.limit + ", offset="
                + state.offset + (state.select != null ? ", select=" + state.select : "")
                + (state.deselect.isEmpty() ? "" : ", deselect=" + state.deselect)
                + (state.distinct.isEmpty() ? "" : ", distinct=" + state.distinct)
                + (state.lock != null ? ", lock=" + state.lock : "")
                + (state.arguments.isEmpty() ? "" : ", arguments=" + state.arguments.keySet())
                + (state.loads.isEmpty() ? "" : ", loads=" + state.loads.keySet())
                + (state.combination != null ? ", combination=" + state.combination : "")
                + (state.primary ? ", usingPrimary" : "") + "]";
    }
}
