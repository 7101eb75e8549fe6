package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.ashspring.action.ActionKind;
import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;
import io.ashspring.query.Query;
import io.ashspring.resource.Upsert;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.runtime.UpsertResult.Outcome;
import io.ashspring.sql.Conflict;
import io.ashspring.sql.RenderedSql;

/**
 * Runs bulk writes: {@code createAll} as one multi-row {@code INSERT} per batch (optionally an
 * upsert), {@code updateAll} and {@code destroyAll} as one statement over the records a query reads.
 * Every input goes through its create action's steps first (conversion, value limits, changes,
 * validations); errors of all inputs are reported together, each with its index, before any SQL
 * runs. The whole call is one transaction: a failing batch leaves nothing written. An action with
 * nothing to run per input but its input rules takes the fast path ({@link PlainCreates}).
 */
final class BulkWriter<T> {

    private final JdbcResourceService<T> service;
    private final ActionRunner<T> actions;
    private final ResourceModel resource;
    private final RecordMapper<T> mapper;
    private final Map<ActionModel, Optional<PlainCreates<T>>> plainCreates = new ConcurrentHashMap<>();

    BulkWriter(JdbcResourceService<T> service, ActionRunner<T> actions, ResourceModel resource, RecordMapper<T> mapper) {
        this.service = service;
        this.actions = actions;
        this.resource = resource;
        this.mapper = mapper;
    }

    // ---------------------------------------------------------------- create

    BulkResult<T> createAll(ActionModel action, List<? extends Map<String, ?>> inputs, BulkOptions options) {
        PlainCreates<T> plain = plainCreates(action, options);
        if (plain != null) {
            BulkResult<T> result = plain.createAll(inputs, options, service, actions, mapper);
            if (result != null) {
                return result;
            }
        }
        return createEach(action, inputs, options);
    }

    /**
     * The fast path of an action's bulk creates (see {@link PlainCreates}), worked out once per
     * action; {@code null} when its inputs need a changeset each.
     */
    PlainCreates<T> plainCreates(ActionModel action, BulkOptions options) {
        if (options.upsert() != null) {
            return null;
        }
        return plainCreates.computeIfAbsent(action, a -> Optional.ofNullable(
                PlainCreates.of(resource, a, service.compiler()::unnestable))).orElse(null);
    }

    /** Every input through its create action's changeset: changes, validations, after-action hooks, upserts. */
    private BulkResult<T> createEach(ActionModel action, List<? extends Map<String, ?>> inputs, BulkOptions options) {
        Upsert upsert = options.upsert() != null ? options.upsert() : action.upsert();
        List<RunningChangeset<T>> changesets = new ArrayList<>(inputs.size());
        for (Map<String, ?> input : inputs) {
            changesets.add(actions.startCreate(action, input));
        }
        boolean changes = !action.changes().isEmpty();
        if (!changes) {
            throwIfInvalid(changesets, upsert); // nothing could change the outcome: no transaction for invalid input
        }
        List<Map<AttributeModel, Object>> rows = new ArrayList<>(changesets.size());
        changesets.forEach(c -> rows.add(c.values));
        return service.writeAll(Operation.CREATE, rows, () -> {
            if (changes) {
                changesets.forEach(actions::prepareCreate);
                throwIfInvalid(changesets, upsert);
            }
            return insert(changesets, upsert, options);
        });
    }

    /** Every input's errors, each with its index (and, for an upsert, inputs that repeat an identity), in one exception. */
    private void throwIfInvalid(List<RunningChangeset<T>> changesets, Upsert upsert) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < changesets.size(); i++) {
            for (FieldError error : changesets.get(i).errors) {
                errors.add(error.atIndex(i));
            }
        }
        if (errors.isEmpty() && upsert != null && !changesets.isEmpty()) {
            errors.addAll(repeatedKeys(changesets, conflict(changesets.get(0), upsert)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(resource.name(), errors);
        }
    }

    /**
     * Inputs of one upsert that give the same identity: PostgreSQL refuses to update one row twice
     * in a statement, so the later ones are errors (nulls never conflict, unless the identity says
     * nulls are not distinct: the index decides then).
     */
    private List<FieldError> repeatedKeys(List<RunningChangeset<T>> changesets, Conflict conflict) {
        List<FieldError> errors = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (int i = 0; i < changesets.size(); i++) {
            List<Object> key = key(changesets.get(i).values, conflict.target());
            if (key == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                errors.add(new FieldError(conflict.target().get(0).name(), "repeats the identity of the input at index "
                        + first + ": one upsert can write a record once", "duplicate", i));
            }
        }
        return errors;
    }

    private Conflict conflict(RunningChangeset<T> changeset, Upsert upsert) {
        return Upserts.conflict(resource, upsert, ActionRunner.written(changeset));
    }

    /** The values of these attributes, or {@code null} when one is missing or null (such a key never conflicts). */
    private static List<Object> key(Map<AttributeModel, Object> values, List<AttributeModel> attributes) {
        Object[] key = new Object[attributes.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = values.get(attributes.get(i));
            if (key[i] == null) {
                return null;
            }
        }
        return Arrays.asList(key);
    }

    /**
     * Inserts the rows in batches: consecutive inputs that write the same attributes, at most
     * {@code batchSize} (and as many as one statement can bind) in one statement.
     */
    private BulkResult<T> insert(List<RunningChangeset<T>> changesets, Upsert upsert, BulkOptions options) {
        int size = changesets.size();
        @SuppressWarnings("unchecked")
        T[] records = (T[]) new Object[size];
        Outcome[] outcomes = new Outcome[size];
        boolean hooks = changesets.stream().anyMatch(c -> !c.afterHooks.isEmpty());
        boolean returning = options.returnRecords() || hooks || upsert != null;
        long count = 0;
        int start = 0;
        while (start < size) {
            Set<AttributeModel> columns = changesets.get(start).values.keySet();
            List<AttributeModel> columnList = List.copyOf(columns);
            int limit = Math.min(options.batchSize(), service.compiler().maxRowsPerInsert(columnList));
            int end = start + 1;
            // a row without values is inserted alone (DEFAULT VALUES takes one row)
            while (end < size && end - start < limit && !columns.isEmpty()
                    && changesets.get(end).values.keySet().equals(columns)) {
                end++;
            }
            List<RunningChangeset<T>> batch = changesets.subList(start, end);
            List<Map<AttributeModel, Object>> rows = new ArrayList<>(batch.size());
            batch.forEach(c -> rows.add(c.values));
            Conflict conflict = upsert == null ? null : conflict(batch.get(0), upsert);
            RenderedSql sql = service.compiler().insertAll(resource, columnList, rows, conflict, batch.get(0).arguments,
                    returning);
            if (!returning) {
                count += service.statement(sql).update();
                Arrays.fill(outcomes, start, end, Outcome.CREATED);
            } else if (conflict == null) {
                List<T> written = service.statement(sql).query(mapper).list();
                for (int i = 0; i < written.size(); i++) { // RETURNING gives the rows in the order of unnest's arrays
                    records[start + i] = written.get(i);
                    outcomes[start + i] = Outcome.CREATED;
                }
                count += written.size();
            } else {
                count += upserted(sql, batch, start, conflict, records, outcomes);
            }
            start = end;
        }
        List<T> returned = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (records[i] != null) {
                actions.finish(changesets.get(i), records[i]);
                if (options.returnRecords()) {
                    returned.add(records[i]);
                }
            }
        }
        return new BulkResult<>(returned, count, Arrays.asList(outcomes));
    }

    /**
     * Runs one upsert batch and ties each returned row to its input by the identity's values (a
     * skipped input returns no row); an input whose key it cannot tell (no value) is tied by order.
     */
    private int upserted(RenderedSql sql, List<RunningChangeset<T>> batch, int start, Conflict conflict, T[] records,
                         Outcome[] outcomes) {
        List<ActionRunner.Written<T>> written = service.statement(sql).query(actions.written()).list();
        Map<List<Object>, Integer> byKey = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            List<Object> key = key(batch.get(i).values, conflict.target());
            if (key != null) {
                byKey.put(key, start + i);
            }
        }
        int next = start;
        for (ActionRunner.Written<T> row : written) {
            List<Object> key = new ArrayList<>(conflict.target().size());
            conflict.target().forEach(a -> key.add(mapper.value(row.record(), a)));
            Integer index = byKey.get(key);
            if (index == null) {
                while (outcomes[next] != null) {
                    next++;
                }
                index = next;
            }
            records[index] = row.record();
            outcomes[index] = row.inserted() ? Outcome.CREATED : Outcome.UPDATED;
            if (!row.inserted()) {
                actions.checkAtomicResults(conflict.set(), row.record());
            }
        }
        for (int i = start; i < start + batch.size(); i++) {
            if (outcomes[i] == null) {
                outcomes[i] = Outcome.SKIPPED;
            }
        }
        return written.size();
    }

    // ---------------------------------------------------------------- update and destroy by query

    /**
     * One {@code UPDATE} of the records the query reads. The action's input rules apply (accept,
     * value conversion and limits); its changes and validations would need each record, so an
     * action with any is refused.
     */
    BulkResult<T> updateAll(ActionModel action, Query query, Map<String, ?> input, BulkOptions options) {
        requireNoChanges(action, "updateAll");
        RunningChangeset<T> changeset = actions.start(action, input, null);
        if (changeset.expectedVersion != null) {
            changeset.errors.add(new FieldError(resource.version().orElseThrow().name(), "cannot be expected by updateAll, "
                    + "which updates many records: update them one by one (updateRecord) to check versions", "invalid"));
        }
        if (changeset.values.isEmpty()) {
            changeset.errors.add(new FieldError(resource.name(), "needs at least one change", "required"));
        }
        actions.throwIfInvalid(changeset);
        Map<AttributeModel, Object> values = new java.util.LinkedHashMap<>(changeset.values);
        resource.version().ifPresent(version -> values.put(version, Expressions.add(version.name(), 1)));
        // an atomic value's Java-side constraints are checked on the rows it gave: read them back
        boolean atomic = values.entrySet().stream().anyMatch(e -> e.getValue() instanceof Expr
                && !e.getKey().constraints().isEmpty());
        boolean returning = options.returnRecords() || atomic;
        Query prepared = changeset.arguments.isEmpty() ? query : query.arguments(changeset.arguments);
        return service.write(Operation.UPDATE, values, () -> {
            RenderedSql sql = service.compiler().updateAll(resource, prepared, values, returning);
            if (!returning) {
                return new BulkResult<>(List.of(), service.statement(sql).update(), List.of());
            }
            List<T> written = service.statement(sql).query(mapper).list();
            written.forEach(record -> actions.checkAtomicResults(values, record));
            return new BulkResult<>(options.returnRecords() ? written : List.of(), written.size(), List.of());
        });
    }

    /** One {@code DELETE} of the records the query reads; an action with changes or validations is refused. */
    BulkResult<T> destroyAll(ActionModel action, Query query, BulkOptions options) {
        requireNoChanges(action, "destroyAll");
        return service.write(Operation.DESTROY, Map.of(), () -> {
            RenderedSql sql = service.compiler().deleteAll(resource, query, options.returnRecords());
            if (!options.returnRecords()) {
                return new BulkResult<>(List.of(), service.statement(sql).update(), List.of());
            }
            List<T> deleted = service.statement(sql).query(mapper).list();
            return new BulkResult<>(deleted, deleted.size(), List.of());
        });
    }

    private void requireNoChanges(ActionModel action, String method) {
        if (!action.changes().isEmpty()) {
            throw new IllegalArgumentException(resource.name() + "." + method + " runs one statement for all records, but "
                    + action.kind().label() + " action " + action.name() + " has changes or validations, which run per "
                    + "record: run it on each record (" + (action.kind() == ActionKind.UPDATE ? "update" : "destroy")
                    + "(\"" + action.name() + "\", key, input)), or name an action without them in BulkOptions.action");
        }
    }
}
