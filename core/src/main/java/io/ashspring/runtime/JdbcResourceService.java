package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionOperations;

import io.ashspring.error.NotFoundException;
import io.ashspring.query.Changeset;
import io.ashspring.query.Query;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.SqlCompiler;

/** {@link ResourceService} over Spring's {@link JdbcClient}. */
final class JdbcResourceService<T> implements ResourceService<T> {

    private final ResourceModel resource;
    private final RecordMapper<T> mapper;
    private final SqlCompiler compiler;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final ConstraintErrors constraintErrors;

    JdbcResourceService(ResourceModel resource, SqlCompiler compiler, JdbcClient jdbc, TransactionOperations transactions,
                        ConstraintErrors constraintErrors) {
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
    public T create(Map<String, ?> input) {
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
        List<Object> values;
        try {
            values = keyValues(key);
        } catch (NotFoundException e) {
            return Optional.empty(); // a key that cannot exist (a malformed UUID) finds nothing
        }
        return statement(compiler.selectByKey(resource, values)).query(mapper).optional();
    }

    @Override
    public List<T> read(Query query) {
        return statement(compiler.select(resource, query)).query(mapper).list();
    }

    @Override
    public long count(Query query) {
        return statement(compiler.count(resource, query)).query(Long.class).single();
    }

    @Override
    public Page<T> page(Query query, Pageable pageable) {
        // counts only when this page does not tell the total by itself
        return PageableExecutionUtils.getPage(read(query.page(pageable)), pageable, () -> count(query));
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
    public void destroyRecord(T record) {
        List<Object> key = mapper.key(record);
        destroy(key, key.size() == 1 ? key.get(0) : key);
    }

    private void destroy(List<Object> key, Object shownKey) {
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
            throw constraintErrors.translate(e, resource, operation);
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
