package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Window;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.ashspring.action.ActionContext;
import io.ashspring.action.ActionKind;
import io.ashspring.error.NotFoundException;
import io.ashspring.expr.SortKey;
import io.ashspring.query.Query;
import io.ashspring.resource.Upsert;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.ScrollStatement;
import io.ashspring.sql.SqlCompiler;
import io.ashspring.tenant.TenantName;
import io.ashspring.tenant.TenantScope;
import io.ashspring.type.AttributeType;
import io.ashspring.type.ValueLimits;

/** {@link ResourceService} over Spring's {@link JdbcClient}. */
final class JdbcResourceService<T> implements ResourceService<T> {

    private final ResourceModel resource;
    private final RecordMapper<T> mapper;
    private final SqlCompiler compiler;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final ConstraintErrors constraintErrors;
    private final Loader loader;
    private final AshRuntime runtime;
    /** Why this service cannot run statements (a polymorphic resource not bound to a table), or {@code null}. */
    private final String unbound;
    private final ActionContext context;
    /** Where lone reads run; {@link ReadRouting#primary()} for a service {@link #usingPrimary()}. */
    private final ReadRouting reads;
    private final ActionRunner<T> actions;
    private final BulkWriter<T> bulk;
    /** Whether any resource of the registry is multitenant: else tenants are never looked up. */
    private final boolean tenantAware;
    /** The compiler for the context's own tenant ({@link #forTenant}), or {@code null} when it has none. */
    private final SqlCompiler tenantCompiler;

    JdbcResourceService(ResourceModel resource, SqlCompiler compiler, JdbcClient jdbc, TransactionOperations transactions,
                        ConstraintErrors constraintErrors, Loader loader, AshRuntime runtime) {
        this(resource, new RecordMapper<>(resource), compiler, jdbc, transactions, constraintErrors, loader, runtime,
                resource.table() != null ? null : unboundMessage(resource, runtime.registry().tablesOf(resource.type())),
                ActionContext.none(), runtime.reads());
    }

    private JdbcResourceService(ResourceModel resource, RecordMapper<T> mapper, SqlCompiler compiler, JdbcClient jdbc,
                                TransactionOperations transactions, ConstraintErrors constraintErrors, Loader loader,
                                AshRuntime runtime, String unbound, ActionContext context, ReadRouting reads) {
        this.loader = loader;
        this.runtime = runtime;
        this.unbound = unbound;
        this.resource = resource;
        this.mapper = mapper;
        this.compiler = compiler;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.constraintErrors = constraintErrors;
        this.context = context;
        this.reads = reads;
        this.actions = new ActionRunner<>(this, resource, mapper, context);
        this.bulk = new BulkWriter<>(this, actions, resource, mapper);
        this.tenantAware = runtime.multitenant();
        this.tenantCompiler = context.tenant() == null ? null : compiler.forTenant(context.tenant());
    }

    @Override
    public ResourceModel resource() {
        return resource;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ResourceService<T> inTable(String table) {
        ResourceService<T> bound = runtime.service((Class<T>) resource.type(), table);
        if (reads != runtime.reads()) {
            bound = bound.usingPrimary();
        }
        return context.equals(ActionContext.none()) ? bound : bound.withContext(context);
    }

    @Override
    public ActionContext context() {
        return context;
    }

    @Override
    public ResourceService<T> withContext(ActionContext newContext) {
        return new JdbcResourceService<>(resource, mapper, compiler, jdbc, transactions, constraintErrors, loader, runtime,
                unbound, newContext, reads);
    }

    @Override
    public ResourceService<T> usingPrimary() {
        return new JdbcResourceService<>(resource, mapper, compiler, jdbc, transactions, constraintErrors, loader, runtime,
                unbound, context, ReadRouting.primary());
    }

    /**
     * Runs a read: a lone one (no transaction, not pinned to the primary) where {@link ReadRouting} says,
     * any other on the primary or the caller's transaction.
     */
    private <R> R reading(Query query, Supplier<R> read) {
        if (reads == ReadRouting.primary() || query.isUsingPrimary()
                || TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.get();
        }
        return reads.read(read);
    }

    private static String unboundMessage(ResourceModel resource, List<String> tables) {
        String example = tables.isEmpty() ? "\"...\"" : "\"" + tables.get(0) + "\"";
        return resource.name() + " is polymorphic: it has no table of its own, so its service must first be bound to one "
                + "of the tables its relationships name: inTable(" + example + ")" + (tables.isEmpty()
                ? " (no relationship names a table for it yet: declare one, e.g. @HasMany(table = \"...\"))"
                : " (tables: " + String.join(", ", tables) + ")") + "; its records also load through those relationships";
    }

    /** Refuses a statement on a polymorphic resource not bound to a table. */
    private void requireTable() {
        if (unbound != null) {
            throw new IllegalStateException(unbound);
        }
    }

    @Override
    public T create(Map<String, ?> input) {
        requireTable();
        return actions.create(resource.primaryAction(ActionKind.CREATE), input);
    }

    @Override
    public T get(Object key) {
        return find(key).orElseThrow(() -> new NotFoundException(resource.name(), key));
    }

    @Override
    public Optional<T> find(Object key) {
        requireTable();
        List<Object> values;
        try {
            values = keyValues(key);
        } catch (NotFoundException e) {
            return Optional.empty(); // a key that cannot exist (a malformed UUID) finds nothing
        }
        if (!resource.primaryAction(ActionKind.READ).isPlain()) {
            return find(key, Query.all()); // through the primary read action's filter
        }
        RenderedSql sql = compiler().selectByKey(resource, values);
        return reading(Query.all(), () -> {
            try {
                return statement(sql).query(mapper).optional();
            } catch (DataAccessException e) {
                throw QueryErrors.translate(e, resource, sql);
            }
        });
    }

    @Override
    public T get(Object key, Query query) {
        return find(key, query).orElseThrow(() -> new NotFoundException(resource.name(), key));
    }

    @Override
    public Optional<T> find(Object key, Query query) {
        List<Object> values;
        try {
            values = keyValues(key);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return read(byKey(query.unsorted(), values)).stream().findFirst();
    }

    /** The query narrowed to the record with these key values. */
    private Query byKey(Query query, List<Object> key) {
        Query byKey = query;
        List<AttributeModel> pk = resource.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            byKey = byKey.filter(io.ashspring.expr.Expressions.eq(pk.get(i).name(), key.get(i)));
        }
        return byKey;
    }

    @Override
    public List<T> read(Query query) {
        return readPrepared(primaryRead(query));
    }

    /** The query as the primary read action reads it (its filter, its sort unless the query sorts). */
    private Query primaryRead(Query query) {
        ActionModel read = resource.primaryAction(ActionKind.READ);
        return read.isPlain() ? query : actions.prepare(read, Map.of(), query);
    }

    private List<T> readPrepared(Query query) {
        requireTable();
        SqlCompiler scoped = compiler();
        return reading(query, () -> loader.load(scoped, resource, query(query, scoped.select(resource, query), rows(query)), query));
    }

    /** The mapper of rows of a query: the attributes, then the aggregates and calculations it loads. */
    @SuppressWarnings("unchecked")
    private RowMapper<T> rows(Query query) {
        return query.loads().isEmpty() ? mapper : (RowMapper<T>) loader.rows(resource, query);
    }

    @Override
    public long count(Query query) {
        return countPrepared(primaryRead(query));
    }

    private long countPrepared(Query query) {
        requireTable();
        RenderedSql sql = compiler().count(resource, query);
        return reading(query, () -> query(query.unpaged(), sql, (rs, n) -> rs.getLong(1)).get(0));
    }

    @Override
    public Page<T> page(Query query, Pageable pageable) {
        // counts only when this page does not tell the total by itself
        return PageableExecutionUtils.getPage(readPrepared(stable(primaryRead(query.page(pageable)))), pageable,
                () -> count(query));
    }

    @Override
    public Slice<T> slice(Query query, Pageable pageable) {
        if (pageable.isUnpaged()) {
            return new SliceImpl<>(readPrepared(stable(primaryRead(query.sort(pageable.getSort())))), pageable, false);
        }
        // one more than asked for tells whether another slice follows
        List<T> rows = readPrepared(stable(primaryRead(query.page(pageable))).limit(pageable.getPageSize() + 1));
        boolean hasNext = rows.size() > pageable.getPageSize();
        return new SliceImpl<>(hasNext ? rows.subList(0, pageable.getPageSize()) : rows, pageable, hasNext);
    }

    @Override
    public Window<T> scroll(Query asked, ScrollPosition position) {
        requireTable();
        Query query = primaryRead(asked);
        Integer size = query.limit();
        if (size == null || size < 1) {
            throw new IllegalArgumentException("scroll reads windows of the query's limit: give the query a limit of at "
                    + "least 1 (Query.all().limit(20))");
        }
        if (query.offset() > 0) {
            throw new IllegalArgumentException("scroll starts where the scroll position says: give the query no offset");
        }
        if (position instanceof OffsetScrollPosition offset) {
            long start = offset.isInitial() ? 0 : offset.getOffset() + 1;
            List<T> rows = readPrepared(stable(query).offset(start).limit(size + 1));
            boolean hasNext = rows.size() > size;
            return Window.from(hasNext ? rows.subList(0, size) : rows, offset.positionFunction(), hasNext);
        }
        if (!(position instanceof KeysetScrollPosition keyset)) {
            throw new IllegalArgumentException("Unsupported scroll position " + position);
        }
        SqlCompiler scoped = compiler();
        ScrollStatement statement = scoped.scroll(resource, query, keyset.getKeys(), keyset.scrollsBackward(), size + 1);
        return reading(query, () -> keysetWindow(scoped, query, keyset, size, statement));
    }

    private Window<T> keysetWindow(SqlCompiler scoped, Query query, KeysetScrollPosition keyset, int size,
                                   ScrollStatement statement) {
        List<Positioned<T>> rows = new ArrayList<>(query(query, statement.statement(), positioned(statement, rows(query))));
        boolean hasNext = rows.size() > size;
        if (hasNext) {
            rows = rows.subList(0, size);
        }
        if (keyset.scrollsBackward()) {
            Collections.reverse(rows); // read nearest first; shown in the query's order
        }
        List<Positioned<T>> window = rows;
        return Window.from(loader.load(scoped, resource, window.stream().map(Positioned::record).toList(), query),
                i -> ScrollPosition.of(window.get(i).keys(), keyset.getDirection()), hasNext);
    }

    @Override
    public Stream<T> stream(Query query, int batchSize) {
        requireTable();
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (query.offset() > 0) {
            throw new IllegalArgumentException("a stream reads from the start: give the query no offset");
        }
        TenantName tenant = tenant(); // the windows are read later, perhaps outside the current tenant scope
        JdbcResourceService<T> reader = tenant == null || tenant.equals(context.tenant()) ? this
                : (JdbcResourceService<T>) withContext(context.withTenant(tenant));
        KeysetSpliterator<T> records = new KeysetSpliterator<>(reader, query, batchSize);
        return StreamSupport.stream(records, false).onClose(records::close);
    }

    /** A record and the values of its sort keys (its keyset position). */
    private record Positioned<T>(T record, Map<String, Object> keys) {
    }

    private RowMapper<Positioned<T>> positioned(ScrollStatement statement, RowMapper<T> mapper) {
        return (rs, rowNum) -> new Positioned<>(mapper.mapRow(rs, rowNum), KeysetPositions.read(statement, rs));
    }

    /** The query sorted by the primary key last, so that equal sort values keep one order across pages. */
    private Query stable(Query query) {
        List<SortKey> missing = new ArrayList<>();
        for (AttributeModel key : resource.primaryKey()) {
            if (query.sort().stream().noneMatch(k -> key.name().equals(k.attribute()))) {
                missing.add(SortKey.asc(key.name()));
            }
        }
        return missing.isEmpty() ? query : query.sort(missing);
    }

    /** Runs a read, refusing a locking read outside a transaction and mapping lock and extension errors. */
    private <R> List<R> query(Query query, RenderedSql sql, RowMapper<R> rows) {
        if (query.lock() != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A locking read of " + resource.name() + " needs a transaction: the lock "
                    + "is released when the statement's own transaction ends, at once (use @Transactional or a "
                    + "TransactionTemplate around the read and the writes it protects)");
        }
        try {
            return statement(sql).query(rows).list();
        } catch (DataAccessException e) {
            throw QueryErrors.translate(e, resource, sql);
        }
    }

    @Override
    public T update(Object key, Map<String, ?> changes) {
        return onKey(resource.primaryAction(ActionKind.UPDATE), key, changes);
    }

    @Override
    public T updateRecord(T record, Map<String, ?> changes) {
        return onRecord(resource.primaryAction(ActionKind.UPDATE), record, changes);
    }

    @Override
    public void destroy(Object key) {
        onKey(resource.primaryAction(ActionKind.DESTROY), key, Map.of());
    }

    @Override
    public Object key(T record) {
        List<Object> key = mapper.key(record);
        if (key.size() == 1) {
            return key.get(0);
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            named.put(resource.primaryKey().get(i).name(), key.get(i));
        }
        return named;
    }

    @Override
    public void destroyRecord(T record) {
        onRecord(resource.primaryAction(ActionKind.DESTROY), record, Map.of());
    }

    // ---------------------------------------------------------------- actions by name

    @Override
    public ActionResult<T> run(String action, Map<String, ?> input) {
        ActionModel model = actions.action(action, null);
        return switch (model.kind()) {
            case CREATE -> new ActionResult<>(action, model.kind(), List.of(create(model, input)));
            case READ -> new ActionResult<>(action, model.kind(), readPrepared(actions.prepare(model, input, Query.all())));
            case UPDATE, DESTROY -> new ActionResult<>(action, model.kind(), List.of(onKey(model, keyOf(model, input),
                    withoutKey(input))));
        };
    }

    @Override
    public T create(String action, Map<String, ?> input) {
        return create(actions.action(action, ActionKind.CREATE), input);
    }

    private T create(ActionModel action, Map<String, ?> input) {
        requireTable();
        return actions.create(action, input);
    }

    @Override
    public List<T> read(String action, Map<String, ?> arguments, Query query) {
        return readPrepared(actions.prepare(actions.action(action, ActionKind.READ), arguments, query));
    }

    @Override
    public T update(String action, Object key, Map<String, ?> input) {
        return onKey(actions.action(action, ActionKind.UPDATE), key, input);
    }

    @Override
    public T updateRecord(String action, T record, Map<String, ?> input) {
        return onRecord(actions.action(action, ActionKind.UPDATE), record, input);
    }

    /** Runs an update or destroy action on the record with this key. */
    private T onKey(ActionModel action, Object key, Map<String, ?> input) {
        requireTable();
        return actions.onRecord(action, keyValues(key), key, null, input);
    }

    /** Runs an update or destroy action on a record read earlier. */
    private T onRecord(ActionModel action, T record, Map<String, ?> input) {
        requireTable();
        List<Object> key = mapper.key(record);
        return actions.onRecord(action, key, key.size() == 1 ? key.get(0) : key, record, input);
    }

    @Override
    public T destroy(String action, Object key, Map<String, ?> input) {
        return onKey(actions.action(action, ActionKind.DESTROY), key, input);
    }

    @Override
    public T destroyRecord(String action, T record, Map<String, ?> input) {
        return onRecord(actions.action(action, ActionKind.DESTROY), record, input);
    }

    // ---------------------------------------------------------------- upserts and bulk writes

    @Override
    public UpsertResult<T> upsert(Map<String, ?> input, Upsert options) {
        requireTable();
        return actions.upsert(resource.primaryAction(ActionKind.CREATE), input, options);
    }

    @Override
    public UpsertResult<T> upsert(String action, Map<String, ?> input) {
        requireTable();
        ActionModel model = actions.action(action, ActionKind.CREATE);
        if (model.upsert() == null) {
            throw new IllegalArgumentException(resource.name() + "." + action + " is not declared upsert(): declare it "
                    + "spec.create(\"" + action + "\").upsert().upsertIdentity(...), or call upsert(input, Upsert.on(identity))");
        }
        return actions.upsert(model, input, model.upsert());
    }

    @Override
    public BulkResult<T> createAll(List<? extends Map<String, ?>> inputs, BulkOptions options) {
        requireTable();
        return bulk.createAll(bulkAction(options, ActionKind.CREATE), inputs, options);
    }

    @Override
    public BulkResult<T> updateAll(Query query, Map<String, ?> changes, BulkOptions options) {
        requireTable();
        return bulk.updateAll(bulkAction(options, ActionKind.UPDATE), primaryRead(query), changes, options);
    }

    @Override
    public BulkResult<T> destroyAll(Query query, BulkOptions options) {
        requireTable();
        return bulk.destroyAll(bulkAction(options, ActionKind.DESTROY), primaryRead(query), options);
    }

    private ActionModel bulkAction(BulkOptions options, ActionKind kind) {
        return options.action() == null ? resource.primaryAction(kind) : actions.action(options.action(), kind);
    }

    /** The primary key an update or destroy input of {@link #run} carries, by attribute name. */
    private Object keyOf(ActionModel action, Map<String, ?> input) {
        List<AttributeModel> pk = resource.primaryKey();
        List<io.ashspring.error.FieldError> missing = pk.stream().filter(a -> input.get(a.name()) == null)
                .map(a -> new io.ashspring.error.FieldError(a.name(), "is required to find the record " + action.name()
                        + " " + action.kind().label() + "s", "required")).toList();
        if (!missing.isEmpty()) {
            throw new io.ashspring.error.InvalidException(resource.name(), missing);
        }
        if (pk.size() == 1) {
            return input.get(pk.get(0).name());
        }
        Map<String, Object> key = new LinkedHashMap<>();
        pk.forEach(a -> key.put(a.name(), input.get(a.name())));
        return key;
    }

    private Map<String, ?> withoutKey(Map<String, ?> input) {
        Map<String, Object> rest = new LinkedHashMap<>(input);
        resource.primaryKey().forEach(a -> rest.remove(a.name()));
        return rest;
    }

    // ---------------------------------------------------------------- what the action runner uses

    /**
     * The compiler for this call's tenant: the service's own ({@link #forTenant}), else the thread's
     * {@link TenantScope}, else none. Without multitenant resources in the registry it is always the
     * shared compiler, looked up with no allocation.
     */
    SqlCompiler compiler() {
        if (tenantCompiler != null) {
            return tenantCompiler;
        }
        if (!tenantAware) {
            return compiler;
        }
        return compiler.forTenant(TenantScope.current());
    }

    /** The tenant of this call, or {@code null}: the context's, else the current {@link TenantScope}'s. */
    TenantName tenant() {
        TenantName own = context.tenant();
        return own != null || !tenantAware ? own : TenantScope.current();
    }

    /** The record with this key, read and locked ({@code FOR UPDATE}) in the running transaction, past any read action's filter. */
    Optional<T> lockedByKey(List<Object> key) {
        Query byKey = byKey(Query.all().lock(io.ashspring.query.Lock.forUpdate()), key);
        return query(byKey, compiler().select(resource, byKey), mapper).stream().findFirst();
    }

    /** Whether write hooks want this resource's writes (an update then reads the record before it). */
    boolean hasWriteHooks() {
        return !runtime.writeHooks(resource).isEmpty();
    }

    /** Runs the write hooks of this resource, inside the write's transaction; returns the record. */
    T afterWrite(io.ashspring.action.ActionKind kind, T before, T record) {
        List<WriteHook> hooks = runtime.writeHooks(resource);
        if (!hooks.isEmpty()) {
            WriteEvent event = new WriteEvent(resource, kind, before, record, mapper);
            hooks.forEach(h -> h.afterWrite(event));
        }
        return record;
    }

    /** The records a query reads, without the primary read action's filter. */
    List<T> readUnfiltered(Query query) {
        return readPrepared(query);
    }

    /** Whether a record with this key exists, past any read action's filter. */
    boolean existsByKey(List<Object> key) {
        return statement(compiler().selectByKey(resource, key)).query(mapper).optional().isPresent();
    }

    /**
     * Runs a write in a transaction (joining the caller's), mapping constraint violations to field
     * errors.
     *
     * @param values the values written (read when a violation is mapped, to name the field a size
     *        limit failed on), empty for a delete
     */
    <R> R write(Operation operation, Map<AttributeModel, Object> values, Supplier<R> work) {
        try {
            return transactions.execute(status -> written(work.get()));
        } catch (DataAccessException | TransactionException e) {
            // a deferred constraint fails at COMMIT, which DataSourceTransactionManager reports as a TransactionSystemException;
            // a connection it cannot open, as a CannotCreateTransactionException
            RuntimeException translated = constraintErrors.translate(e, resource, operation, values);
            throw translated == e ? QueryErrors.translate(e, resource, null) : translated;
        }
    }

    /**
     * Runs a bulk write in a transaction, mapping a constraint violation to field errors with the
     * index of the input it names, where PostgreSQL's detail tells (a key's values).
     *
     * @param rows each input's values, by index
     */
    <R> R writeAll(Operation operation, List<Map<AttributeModel, Object>> rows, Supplier<R> work) {
        try {
            return transactions.execute(status -> written(work.get()));
        } catch (DataAccessException | TransactionException e) {
            RuntimeException translated = constraintErrors.translate(e, resource, operation, rows);
            throw translated == e ? QueryErrors.translate(e, resource, null) : translated;
        }
    }

    /** Tells the read routing that this transaction wrote (read-your-writes), passing the result through. */
    private <R> R written(R result) {
        runtime.reads().written();
        return result;
    }

    JdbcClient.StatementSpec statement(RenderedSql sql) {
        return reads.client(jdbc).sql(sql.sql()).params(sql.binds());
    }

    /** Primary key values in key order, converted to the key attributes' types. */
    private List<Object> keyValues(Object key) {
        List<AttributeModel> pk = resource.primaryKey();
        List<Object> values = new ArrayList<>(pk.size());
        if (pk.size() == 1 && !(key instanceof Map<?, ?>)) {
            values.add(coerceKey(pk.get(0), key));
            return values;
        }
        if (!(key instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(resource.name() + " has a composite primary key "
                    + pk.stream().map(AttributeModel::name).toList() + ": pass a Map of its attributes");
        }
        for (AttributeModel attribute : pk) {
            if (!map.containsKey(attribute.name())) {
                throw new IllegalArgumentException("The key of " + resource.name() + " lacks '" + attribute.name() + "'");
            }
            values.add(coerceKey(attribute, map.get(attribute.name())));
        }
        return values;
    }

    private Object coerceKey(AttributeModel attribute, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("The key " + resource.name() + "." + attribute.name() + " must not be null");
        }
        Object key;
        try {
            key = attribute.type().coerce(value);
        } catch (IllegalArgumentException e) {
            // a key that cannot exist (a malformed UUID in a URL) is simply not found
            throw new NotFoundException(resource.name(), value);
        }
        if (ValueLimits.parameter(attribute.type(), key).isPresent()) {
            throw new NotFoundException(resource.name(), value); // nor can one PostgreSQL cannot store (a NUL in text)
        }
        return key;
    }
}
