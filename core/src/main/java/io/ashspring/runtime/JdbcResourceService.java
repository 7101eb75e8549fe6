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
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.ashspring.error.NotFoundException;
import io.ashspring.query.Changeset;
import io.ashspring.query.Query;
import io.ashspring.query.SortKey;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.ScrollStatement;
import io.ashspring.sql.SqlCompiler;
import io.ashspring.type.AttributeType;

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

    JdbcResourceService(ResourceModel resource, SqlCompiler compiler, JdbcClient jdbc, TransactionOperations transactions,
                        ConstraintErrors constraintErrors, Loader loader, AshRuntime runtime) {
        this.loader = loader;
        this.runtime = runtime;
        this.unbound = resource.table() != null ? null : unboundMessage(resource, runtime.registry().tablesOf(resource.type()));
        this.resource = resource;
        this.mapper = new RecordMapper<>(resource);
        this.compiler = compiler;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.constraintErrors = constraintErrors;
    }

    @Override
    public ResourceModel resource() {
        return resource;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ResourceService<T> inTable(String table) {
        return runtime.service((Class<T>) resource.type(), table);
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
        Changeset changeset = Changeset.forCreate(resource, input);
        RenderedSql sql = compiler.insert(resource, changeset.values());
        return write(Operation.CREATE, () -> statement(sql).query(mapper).single());
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
        return statement(compiler.selectByKey(resource, values)).query(mapper).optional();
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
        Query byKey = query.unsorted();
        List<AttributeModel> pk = resource.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            byKey = byKey.filter(io.ashspring.expr.Expressions.eq(pk.get(i).name(), values.get(i)));
        }
        return read(byKey).stream().findFirst();
    }

    @Override
    public List<T> read(Query query) {
        requireTable();
        return loader.load(resource, query(query, compiler.select(resource, query), rows(query)), query);
    }

    /** The mapper of rows of a query: the attributes, then the aggregates and calculations it loads. */
    @SuppressWarnings("unchecked")
    private RowMapper<T> rows(Query query) {
        return query.loads().isEmpty() ? mapper : (RowMapper<T>) loader.rows(resource, query);
    }

    @Override
    public long count(Query query) {
        requireTable();
        RenderedSql sql = compiler.count(resource, query);
        return query(query.unpaged(), sql, (rs, n) -> rs.getLong(1)).get(0);
    }

    @Override
    public Page<T> page(Query query, Pageable pageable) {
        // counts only when this page does not tell the total by itself
        return PageableExecutionUtils.getPage(read(stable(query.page(pageable))), pageable, () -> count(query));
    }

    @Override
    public Slice<T> slice(Query query, Pageable pageable) {
        if (pageable.isUnpaged()) {
            return new SliceImpl<>(read(stable(query.sort(pageable.getSort()))), pageable, false);
        }
        // one more than asked for tells whether another slice follows
        List<T> rows = read(stable(query.page(pageable)).limit(pageable.getPageSize() + 1));
        boolean hasNext = rows.size() > pageable.getPageSize();
        return new SliceImpl<>(hasNext ? rows.subList(0, pageable.getPageSize()) : rows, pageable, hasNext);
    }

    @Override
    public Window<T> scroll(Query query, ScrollPosition position) {
        requireTable();
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
            List<T> rows = read(stable(query).offset(start).limit(size + 1));
            boolean hasNext = rows.size() > size;
            return Window.from(hasNext ? rows.subList(0, size) : rows, offset.positionFunction(), hasNext);
        }
        if (!(position instanceof KeysetScrollPosition keyset)) {
            throw new IllegalArgumentException("Unsupported scroll position " + position);
        }
        ScrollStatement statement = compiler.scroll(resource, query, keyset.getKeys(), keyset.scrollsBackward(), size + 1);
        List<Positioned<T>> rows = new ArrayList<>(query(query, statement.statement(), positioned(statement, rows(query))));
        boolean hasNext = rows.size() > size;
        if (hasNext) {
            rows = rows.subList(0, size);
        }
        if (keyset.scrollsBackward()) {
            Collections.reverse(rows); // read nearest first; shown in the query's order
        }
        List<Positioned<T>> window = rows;
        return Window.from(loader.load(resource, window.stream().map(Positioned::record).toList(), query),
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
        KeysetSpliterator<T> records = new KeysetSpliterator<>(this, query, batchSize);
        return StreamSupport.stream(records, false).onClose(records::close);
    }

    /** A record and the values of its sort keys (its keyset position). */
    private record Positioned<T>(T record, Map<String, Object> keys) {
    }

    private RowMapper<Positioned<T>> positioned(ScrollStatement statement, RowMapper<T> mapper) {
        List<String> names = statement.keyNames();
        List<AttributeType> types = statement.keyTypes();
        return (rs, rowNum) -> {
            Map<String, Object> keys = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                int column = statement.firstKeyColumn() + i;
                keys.put(names.get(i), jsonSafe(types.get(i) != null ? types.get(i).read(rs, column) : rs.getObject(column)));
            }
            return new Positioned<>(mapper.mapRow(rs, rowNum), keys);
        };
    }

    /**
     * A position's value as it survives JSON: a {@code real} (float4) value widened, exactly, to a
     * Double. As a Float, {@code 0.30769232f} is written as {@code 0.30769232} and read back as that
     * Double, another number than the row's, so the next window would repeat or skip rows; the
     * widened Double is written with every digit it has and reads back the same.
     */
    private static Object jsonSafe(Object value) {
        return value instanceof Float f ? Double.valueOf(f.doubleValue()) : value;
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
        return update(keyValues(key), key, changes);
    }

    @Override
    public T updateRecord(T record, Map<String, ?> changes) {
        List<Object> key = mapper.key(record);
        return update(key, key.size() == 1 ? key.get(0) : key, changes);
    }

    private T update(List<Object> key, Object shownKey, Map<String, ?> changes) {
        requireTable();
        Changeset changeset = Changeset.forUpdate(resource, changes);
        boolean touchesTimestamp = resource.attributes().stream()
                .anyMatch(a -> a.timestamp() == io.ashspring.resource.model.TimestampKind.UPDATE);
        if (changeset.values().isEmpty() && !touchesTimestamp) {
            return get(shownKey);
        }
        RenderedSql sql = compiler.update(resource, key, changeset.values());
        return write(Operation.UPDATE, () -> statement(sql).query(mapper).optional()
                .orElseThrow(() -> new NotFoundException(resource.name(), shownKey)));
    }

    @Override
    public void destroy(Object key) {
        destroy(keyValues(key), key);
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
        List<Object> key = mapper.key(record);
        destroy(key, key.size() == 1 ? key.get(0) : key);
    }

    private void destroy(List<Object> key, Object shownKey) {
        requireTable();
        RenderedSql sql = compiler.delete(resource, key);
        int deleted = write(Operation.DESTROY, () -> statement(sql).update());
        if (deleted == 0) {
            throw new NotFoundException(resource.name(), shownKey);
        }
    }

    /** Runs a write in a transaction (joining the caller's), mapping constraint violations to field errors. */
    private <R> R write(Operation operation, Supplier<R> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (DataAccessException | TransactionSystemException e) {
            // a deferred constraint fails at COMMIT, which DataSourceTransactionManager reports as a TransactionSystemException
            RuntimeException translated = constraintErrors.translate(e, resource, operation);
            throw translated == e ? QueryErrors.translate(e, resource, null) : translated;
        }
    }

    private JdbcClient.StatementSpec statement(RenderedSql sql) {
        return jdbc.sql(sql.sql()).params(sql.binds());
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
        try {
            return attribute.type().coerce(value);
        } catch (IllegalArgumentException e) {
            // a key that cannot exist (a malformed UUID in a URL) is simply not found
            throw new NotFoundException(resource.name(), value);
        }
    }
}
