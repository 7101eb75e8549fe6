package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.RowMapper;

import io.ashspring.action.ActionContext;
import io.ashspring.action.ActionKind;
import io.ashspring.action.Change;
import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.StaleRecordException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;
import io.ashspring.query.Changeset;
import io.ashspring.query.Query;
import io.ashspring.resource.Upsert;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.ArgumentModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TenantRules;
import io.ashspring.resource.model.TimestampKind;
import io.ashspring.sql.Conflict;
import io.ashspring.sql.RenderedSql;
import io.ashspring.tenant.TenantName;
import io.ashspring.type.AttributeConstraints;

/**
 * Runs the actions of one service: splits input into accepted attributes and arguments, runs the
 * changes and validations in declaration order, then the SQL, then the after-action hooks; all of
 * it in one transaction (joining the caller's). An action without changes checks its input before
 * opening the transaction. Versions ({@code @Version}) are moved and checked here.
 */
final class ActionRunner<T> {

    private final JdbcResourceService<T> service;
    private final ResourceModel resource;
    private final RecordMapper<T> mapper;
    private final ActionContext context;

    ActionRunner(JdbcResourceService<T> service, ResourceModel resource, RecordMapper<T> mapper, ActionContext context) {
        this.service = service;
        this.resource = resource;
        this.mapper = mapper;
        this.context = context;
    }

    /** The action with this name, of the kind a typed method runs. */
    ActionModel action(String name, ActionKind kind) {
        ActionModel action = resource.requireAction(name);
        if (kind != null && action.kind() != kind) {
            throw new IllegalArgumentException(resource.name() + "." + name + " is a " + action.kind().label()
                    + " action, not a " + kind.label() + " action: call " + action.kind().label() + "(\"" + name
                    + "\", ...) or run(\"" + name + "\", input)");
        }
        return action;
    }

    // ---------------------------------------------------------------- create

    T create(ActionModel action, Map<String, ?> input) {
        if (action.upsert() != null) {
            return upsert(action, input, action.upsert()).record();
        }
        RunningChangeset<T> changeset = startCreate(action, input);
        return write(changeset, Operation.CREATE, () -> {
            prepareCreate(changeset);
            throwIfInvalid(changeset);
            RenderedSql sql = service.compiler().insert(resource, changeset.values);
            return finish(changeset, service.afterWrite(ActionKind.CREATE, null, service.statement(sql).query(mapper).single()));
        });
    }

    /**
     * Runs a create action as an upsert: {@code INSERT … ON CONFLICT … DO UPDATE … WHERE <condition>}.
     * A stored record the condition refuses is left as it is: the result is skipped, with the stored
     * record (read by the identity, one more statement).
     */
    UpsertResult<T> upsert(ActionModel action, Map<String, ?> input, Upsert options) {
        RunningChangeset<T> changeset = startCreate(action, input);
        return write(changeset, Operation.CREATE, () -> {
            prepareCreate(changeset);
            throwIfInvalid(changeset);
            Conflict conflict = Upserts.conflict(resource, options, written(changeset));
            RenderedSql sql = service.compiler().upsert(resource, changeset.values, conflict, changeset.arguments);
            Optional<Written<T>> row = service.statement(sql).query(written()).optional();
            if (row.isEmpty()) {
                return new UpsertResult<>(UpsertResult.Outcome.SKIPPED, stored(conflict, changeset.values));
            }
            if (!row.get().inserted()) {
                checkAtomicResults(conflict.set(), row.get().record());
            }
            T record = row.get().inserted() ? service.afterWrite(ActionKind.CREATE, null, row.get().record()) : row.get().record();
            return new UpsertResult<>(row.get().inserted() ? UpsertResult.Outcome.CREATED : UpsertResult.Outcome.UPDATED,
                    finish(changeset, record));
        });
    }

    /** The stored record an upsert's conflict found (its identity's values, within a partial identity's predicate). */
    private T stored(Conflict conflict, Map<AttributeModel, Object> values) {
        Query query = Query.all();
        for (AttributeModel key : conflict.target()) {
            if (!values.containsKey(key) && resource.tenancy().byAttribute() && key.name().equals(resource.tenancy().attribute())) {
                continue; // the tenant column, set by the tenant-scoped service, which also filters the read by it
            }
            query = query.filter(Expressions.eq(key.name(), values.get(key)));
        }
        if (conflict.targetWhere() != null) {
            query = query.filter(Expressions.fragment(conflict.targetWhere()));
        }
        return service.readUnfiltered(query).get(0);
    }

    /** A row an upsert returned, and whether it was inserted ({@code xmax = 0}) rather than updated. */
    record Written<T>(T record, boolean inserted) {
    }

    /** Reads the attributes, then the {@code xmax = 0} flag an upsert returns after them. */
    RowMapper<Written<T>> written() {
        int flag = resource.attributes().size() + 1;
        return (rs, rowNum) -> new Written<>(mapper.mapRow(rs, rowNum), rs.getBoolean(flag));
    }

    /**
     * A create's changeset before its changes run: the input split and converted, the defaults
     * applied (and noted: an upsert does not update what only a default gave). An action without
     * changes checks what is required at once.
     */
    RunningChangeset<T> startCreate(ActionModel action, Map<String, ?> input) {
        RunningChangeset<T> changeset = start(action, input, null);
        changeset.given = changeset.values.size(); // the defaults come after the input, in insertion order
        Changeset.applyDefaults(resource, changeset.values);
        if (action.changes().isEmpty()) {
            Changeset.checkRequired(resource, changeset.values, changeset.errors);
        }
        return changeset;
    }

    /** Runs a create's changes and validations (in the transaction), then checks what is required. */
    void prepareCreate(RunningChangeset<T> changeset) {
        if (!changeset.model().changes().isEmpty()) {
            runChanges(changeset);
            Changeset.checkRequired(resource, changeset.values, changeset.errors);
        }
    }

    /** The attributes the input gave or a change set: not those only a default filled. */
    static Set<AttributeModel> written(RunningChangeset<?> changeset) {
        Set<AttributeModel> written = new LinkedHashSet<>();
        int position = 0;
        for (AttributeModel attribute : changeset.values.keySet()) {
            if (position++ < changeset.given || changeset.setByChanges.contains(attribute)) {
                written.add(attribute);
            }
        }
        return written;
    }

    /** Runs an update or destroy action (see {@link #update} and {@link #destroy}). */
    T onRecord(ActionModel action, List<Object> key, Object shownKey, T record, Map<String, ?> input) {
        return action.kind() == ActionKind.UPDATE ? update(action, key, shownKey, record, input)
                : destroy(action, key, shownKey, record, input);
    }

    // ---------------------------------------------------------------- update

    /**
     * @param key the primary key values
     * @param shownKey the key as the caller gave it, for errors
     * @param record the record read earlier ({@code updateRecord}), or {@code null}
     */
    private T update(ActionModel action, List<Object> key, Object shownKey, T record, Map<String, ?> input) {
        RunningChangeset<T> changeset = startOnRecord(action, key, shownKey, record, input);
        return write(changeset, Operation.UPDATE, () -> {
            runChanges(changeset);
            throwIfInvalid(changeset);
            Map<AttributeModel, Object> values = new LinkedHashMap<>(changeset.values);
            boolean touchesTimestamp = resource.attributes().stream().anyMatch(a -> a.timestamp() == TimestampKind.UPDATE);
            if (values.isEmpty() && !touchesTimestamp) {
                return finish(changeset, service.get(shownKey));
            }
            Map<AttributeModel, Object> expected = expectedVersion(changeset);
            resource.version().ifPresent(version -> values.put(version, Expressions.add(version.name(), 1)));
            T before = service.hasWriteHooks() ? service.lockedByKey(key).orElse(null) : null;
            RenderedSql sql = service.compiler().update(resource, key, values, changeset.arguments, expected);
            T written = service.statement(sql).query(mapper).optional().orElseThrow(() -> missing(key, shownKey, expected));
            checkAtomicResults(changeset.values, written);
            return finish(changeset, service.afterWrite(ActionKind.UPDATE, before, written));
        });
    }

    // ---------------------------------------------------------------- destroy

    /** @return the record as it was deleted */
    private T destroy(ActionModel action, List<Object> key, Object shownKey, T record, Map<String, ?> input) {
        RunningChangeset<T> changeset = startOnRecord(action, key, shownKey, record, input);
        return write(changeset, Operation.DESTROY, () -> {
            runChanges(changeset);
            throwIfInvalid(changeset);
            Map<AttributeModel, Object> expected = expectedVersion(changeset);
            RenderedSql sql = service.compiler().delete(resource, key, expected);
            return finish(changeset, service.afterWrite(ActionKind.DESTROY, null, service.statement(sql).query(mapper).optional()
                    .orElseThrow(() -> missing(key, shownKey, expected))));
        });
    }

    // ---------------------------------------------------------------- read

    /** A query with a read action's filter, sort (unless the query sorts) and converted arguments. */
    Query prepare(ActionModel action, Map<String, ?> input, Query query) {
        RunningChangeset<T> changeset = new RunningChangeset<>(resource, action, context(), mapper, null);
        for (Map.Entry<String, ?> entry : input.entrySet()) {
            if (action.argument(entry.getKey()).isEmpty()) {
                changeset.errors.add(new FieldError(entry.getKey(), "is not an argument of read action " + action.name()
                        + " (arguments: " + names(action.arguments().stream().map(ArgumentModel::name).toList()) + ")",
                        "not_accepted"));
            }
        }
        convertArguments(changeset, input);
        throwIfInvalid(changeset);
        Query prepared = action.filter() == null ? query : query.filter(action.filter());
        if (query.sort().isEmpty() && !action.sort().isEmpty()) {
            prepared = prepared.sort(action.sort());
        }
        return changeset.arguments.isEmpty() ? prepared : prepared.arguments(changeset.arguments);
    }

    // ---------------------------------------------------------------- steps

    /**
     * Splits input: a declared argument; else an accepted attribute (by its name, or a belongs_to
     * key by its relationship's); else, for update and destroy, the expected {@code @Version}; else
     * an error naming the action (a default create or update reports unknown and unwritable
     * names as plain input always was).
     */
    RunningChangeset<T> start(ActionModel action, Map<String, ?> input, Supplier<T> loader) {
        RunningChangeset<T> changeset = new RunningChangeset<>(resource, action, context(), mapper, loader);
        Optional<AttributeModel> version = resource.version();
        Changeset.Kind kind = action.kind() == ActionKind.CREATE ? Changeset.Kind.CREATE : Changeset.Kind.UPDATE;
        for (Map.Entry<String, ?> entry : input.entrySet()) {
            String field = entry.getKey();
            if (!action.arguments().isEmpty() && action.argument(field).isPresent()) {
                continue;
            }
            AttributeModel attribute = Changeset.resolve(resource, field);
            if (attribute != null && action.kind() != ActionKind.CREATE && version.filter(attribute::equals).isPresent()) {
                expectVersion(changeset, attribute, entry.getValue());
            } else if (action.isDefault() && action.kind() != ActionKind.DESTROY
                    || attribute != null && action.accepts(attribute.name())) {
                Changeset.convert(resource, field, attribute, entry.getValue(), kind, changeset.values, changeset.errors);
            } else {
                changeset.errors.add(new FieldError(field, "is not accepted by action " + action.name() + " (accepts: "
                        + names(action.accept()) + (action.arguments().isEmpty() ? "" : "; arguments: "
                        + names(action.arguments().stream().map(ArgumentModel::name).toList())) + ")", "not_accepted"));
            }
        }
        convertArguments(changeset, input);
        tenantValue(changeset, action.kind() == ActionKind.CREATE);
        return changeset;
    }

    /**
     * The context changes and validations receive: the service's, with the call's tenant when it came
     * from the current {@link io.ashspring.tenant.TenantScope}.
     */
    private ActionContext context() {
        TenantName tenant = service.tenant();
        return tenant == null || tenant.equals(context.tenant()) ? context : context.withTenant(tenant);
    }

    /**
     * For an attribute-strategy resource called with a tenant: a create sets the tenant attribute to
     * the tenant; input naming another tenant (on a create or an update) is refused with a
     * {@code tenant_mismatch} error on the attribute. Refuses a call without a tenant on a resource
     * that needs one.
     */
    private void tenantValue(RunningChangeset<T> changeset, boolean create) {
        if (!resource.tenancy().multitenant()) {
            return;
        }
        TenantName tenant = service.tenant();
        TenantRules.schema(resource, tenant); // refuses a missing tenant before anything runs
        AttributeModel attribute = TenantRules.attribute(resource, tenant);
        if (attribute == null) {
            return;
        }
        Object value = TenantRules.value(resource, attribute, tenant);
        boolean given = changeset.values.containsKey(attribute);
        if (given && !java.util.Objects.equals(changeset.values.get(attribute), value)) {
            changeset.errors.add(new FieldError(attribute.name(), "holds the tenant, and this call is for tenant "
                    + tenant + ": leave it out (it is set from the tenant) or give the call's tenant",
                    "tenant_mismatch"));
        } else if (create && !given) {
            changeset.values.put(attribute, value);
        }
    }

    /** The changeset of an update or destroy: the record given is its data, else the record read (locked) on first use. */
    private RunningChangeset<T> startOnRecord(ActionModel action, List<Object> key, Object shownKey, T record,
                                              Map<String, ?> input) {
        RunningChangeset<T> changeset = start(action, input, record != null ? () -> record : () -> service.lockedByKey(key)
                .orElseThrow(() -> new NotFoundException(resource.name(), shownKey)));
        if (record != null) {
            changeset.data(); // given: no read needed, and its version is the one expected
        }
        return changeset;
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    private void expectVersion(RunningChangeset<T> changeset, AttributeModel version, Object value) {
        try {
            changeset.expectedVersion = value == null ? null : version.type().coerce(value);
        } catch (IllegalArgumentException e) {
            changeset.errors.add(new FieldError(version.name(), "is invalid: " + e.getMessage(), "invalid"));
        }
    }

    /** Converts the arguments with their types: blank text is no value, then the default, then required. */
    private static void convertArguments(RunningChangeset<?> changeset, Map<String, ?> input) {
        for (ArgumentModel argument : changeset.model().arguments()) {
            Object raw = input.get(argument.name());
            if (raw instanceof CharSequence text && text.toString().isBlank()) {
                raw = null;
            }
            Object value = null;
            try {
                value = argument.type().coerce(raw);
            } catch (IllegalArgumentException e) {
                changeset.errors.add(new FieldError(argument.name(), "is invalid: " + e.getMessage(), "invalid"));
                continue;
            }
            if (value == null) {
                value = argument.defaultValue();
            }
            if (value == null && !argument.allowNil()) {
                changeset.errors.add(new FieldError(argument.name(), "is required", "required"));
            }
            changeset.arguments.put(argument.name(), value);
        }
    }

    /**
     * Runs the changes and validations in order. A change declared for a supertype of the record
     * ({@code Change<Object>}) may run on this changeset: it only hands records out and takes
     * consumers of them.
     */
    @SuppressWarnings("unchecked")
    void runChanges(RunningChangeset<T> changeset) {
        for (Change<?> change : changeset.model().changes()) {
            ((Change<T>) change).change(changeset, changeset.context());
        }
    }

    /**
     * Runs the work in a transaction; input of an action without changes is checked first, since
     * nothing could change the outcome: invalid input then never opens a transaction.
     */
    private <R> R write(RunningChangeset<T> changeset, Operation operation, Supplier<R> work) {
        if (changeset.model().changes().isEmpty()) {
            throwIfInvalid(changeset);
        }
        return service.write(operation, changeset.values, work);
    }

    void throwIfInvalid(RunningChangeset<T> changeset) {
        if (!changeset.errors.isEmpty()) {
            throw new InvalidException(resource.name(), changeset.errors);
        }
    }

    T finish(RunningChangeset<T> changeset, T record) {
        changeset.afterHooks.forEach(hook -> hook.accept(record));
        return record;
    }

    /** {@code version = expected}: from the input, else from the record given or read by a change; empty when unknown. */
    private Map<AttributeModel, Object> expectedVersion(RunningChangeset<T> changeset) {
        Optional<AttributeModel> version = resource.version();
        if (version.isEmpty()) {
            return Map.of();
        }
        Object expected = changeset.expectedVersion;
        T before = changeset.loadedData();
        if (expected == null && before != null) {
            expected = mapper.value(before, version.get());
        }
        return expected == null ? Map.of() : Map.of(version.get(), expected);
    }

    /** No row was written: stale when the record exists at another version, else not found. */
    private RuntimeException missing(List<Object> key, Object shownKey, Map<AttributeModel, Object> expected) {
        if (!expected.isEmpty() && service.existsByKey(key)) {
            Map.Entry<AttributeModel, Object> version = expected.entrySet().iterator().next();
            return new StaleRecordException(resource.name(), shownKey, version.getKey().name(), version.getValue());
        }
        return new NotFoundException(resource.name(), shownKey);
    }

    /**
     * Checks the Java-side constraints of attributes set to atomic expressions against the values
     * PostgreSQL computed; a violation rolls the update back. (Not-null and check constraints of the
     * table are the database's own, and map to field errors as for any write.)
     */
    void checkAtomicResults(Map<AttributeModel, Object> values, T written) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<AttributeModel, Object> entry : values.entrySet()) {
            if (entry.getValue() instanceof Expr) {
                AttributeModel attribute = entry.getKey();
                for (AttributeConstraints.Violation violation : attribute.constraints().check(mapper.value(written, attribute))) {
                    errors.add(new FieldError(attribute.name(), violation.message(), violation.code()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(resource.name(), errors);
        }
    }
}
