package io.ashspring.runtime;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.query.Changeset;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.runtime.UpsertResult.Outcome;
import io.ashspring.sql.RenderedSql;

/**
 * The fast path of a bulk create whose action runs nothing per input but the input rules (no
 * changes, validations or arguments, no upsert): each input is converted straight into column
 * arrays, with one {@link Changeset.Converter} per attribute worked out once, instead of a
 * changeset per input, and the arrays go to {@code INSERT … SELECT unnest(?), unnest(?)}.
 *
 * <p>It gives what the changeset path gives: the same accept list, conversions, constraints,
 * value limits, defaults and required attributes, and the same errors. An input it finds any
 * problem with is run through the changeset path ({@link ActionRunner#startCreate}) for its field
 * errors, so every message comes from one place; all of them are thrown together, with their input
 * indexes, before any SQL.
 *
 * <p>With {@code RETURNING}, when every written column's values come back from PostgreSQL exactly
 * as they were sent (text, integers, UUIDs, booleans, enums...), only the columns PostgreSQL fills
 * (keys, timestamps, SQL defaults) are returned and the records are built from them and the
 * converted input; otherwise every column is returned.
 */
final class PlainCreates<T> {

    /** Column types whose stored value is exactly the value bound: a record may be built from the input. */
    private static final Set<String> EXACT_SQL_TYPES = Set.of("text", "citext", "varchar", "character varying", "uuid",
            "smallint", "int2", "integer", "int", "int4", "bigint", "int8", "boolean", "bool", "double precision", "float8");
    private static final Set<Class<?>> EXACT_JAVA_TYPES = Set.of(String.class, UUID.class, Short.class, Integer.class,
            Long.class, Boolean.class, Double.class);

    /** An attribute the input or a default may write: its bit in a row's mask is {@code 1L << index}. */
    private record Column(int index, AttributeModel attribute, Changeset.Converter converter, boolean exact) {
    }

    private final ResourceModel resource;
    private final ActionModel action;
    private final Column[] columns;
    private final Map<String, Column> byField;
    private final List<Column> defaulted;
    private final long required;

    private PlainCreates(ResourceModel resource, ActionModel action, Column[] columns, Map<String, Column> byField,
                         long required) {
        this.resource = resource;
        this.action = action;
        this.columns = columns;
        this.byField = byField;
        this.required = required;
        List<Column> withDefault = new ArrayList<>();
        for (Column column : columns) {
            if (column.attribute().defaultSupplier() != null || column.attribute().defaultValue() != null) {
                withDefault.add(column);
            }
        }
        this.defaulted = List.copyOf(withDefault);
    }

    /**
     * The fast path of a create action, or {@code null} when its inputs need the changeset path: an
     * action with changes, validations or arguments, an upsert (a bulk call that upserts never
     * asks), a required attribute that neither
     * the input nor a default can give, a column whose values do not travel in an array (jsonb,
     * arrays, PostgreSQL enum types), more than 64 attributes, or an attribute-strategy multitenant resource.
     */
    static <T> PlainCreates<T> of(ResourceModel resource, ActionModel action, Predicate<List<AttributeModel>> unnestable) {
        // an attribute-strategy resource's rows take their tenant column from the call: the changeset path sets it
        if (!action.changes().isEmpty() || !action.arguments().isEmpty() || action.upsert() != null
                || resource.attributes().size() > Long.SIZE || resource.tenancy().byAttribute()) {
            return null;
        }
        Map<AttributeModel, Column> columns = new LinkedHashMap<>();
        Map<String, Column> byField = new HashMap<>();
        for (String field : fields(resource)) {
            AttributeModel attribute = Changeset.resolve(resource, field);
            // as ActionRunner.start takes a field for a create: any writable attribute of a default action, else an accepted one
            if (attribute != null && attribute.writable() && (action.isDefault() || action.accepts(attribute.name()))) {
                byField.put(field, columns.computeIfAbsent(attribute, a -> column(columns.size(), a)));
            }
        }
        long required = 0;
        for (AttributeModel attribute : resource.attributes()) {
            boolean hasDefault = attribute.defaultSupplier() != null || attribute.defaultValue() != null;
            if (hasDefault && !columns.containsKey(attribute)) {
                columns.put(attribute, column(columns.size(), attribute));
            }
            if (!attribute.allowNil() && !attribute.generatedByDatabase()) {
                Column column = columns.get(attribute);
                if (column == null) {
                    return null; // every input would miss it: the changeset path says so
                }
                required |= 1L << column.index();
            }
        }
        if (!unnestable.test(List.copyOf(columns.keySet()))) {
            return null;
        }
        return new PlainCreates<>(resource, action, columns.values().toArray(new Column[0]), byField, required);
    }

    /** The names an input may use: each attribute's, and each belongs_to relationship's (for its key). */
    private static List<String> fields(ResourceModel resource) {
        List<String> fields = new ArrayList<>();
        resource.attributes().forEach(a -> fields.add(a.name()));
        for (RelationshipModel relationship : resource.relationships()) {
            if (relationship.kind() == RelationshipKind.BELONGS_TO) {
                fields.add(relationship.name());
            }
        }
        return fields;
    }

    private static Column column(int index, AttributeModel attribute) {
        String sqlType = attribute.type().sqlType().trim().toLowerCase(Locale.ROOT);
        Class<?> javaType = attribute.type().javaType();
        boolean exact = EXACT_SQL_TYPES.contains(sqlType) && (EXACT_JAVA_TYPES.contains(javaType) || javaType.isEnum());
        return new Column(index, attribute, Changeset.Converter.of(attribute), exact);
    }

    /** The action this path runs. */
    ActionModel action() {
        return action;
    }

    /** The inputs converted column by column. */
    private final class Rows {
        final int size;
        /** {@code values[c][r]}: the value of column {@code c} in row {@code r}. */
        final Object[][] values;
        /** The columns each row writes, one bit per column. */
        final long[] masks;
        /** The rows with a problem, by index (their errors come from the changeset path). */
        final List<Integer> invalid = new ArrayList<>();

        Rows(int size) {
            this.size = size;
            this.values = new Object[columns.length][size];
            this.masks = new long[size];
        }
    }

    /**
     * Converts the inputs; returns {@code null} when an input writes nothing at all (a row of
     * {@code DEFAULT VALUES}, which the changeset path inserts on its own).
     */
    private Rows convert(List<? extends Map<String, ?>> inputs) {
        Rows rows = new Rows(inputs.size());
        List<FieldError> problems = new ArrayList<>();
        for (int r = 0; r < rows.size; r++) {
            long mask = 0;
            boolean valid = true;
            for (Map.Entry<String, ?> entry : inputs.get(r).entrySet()) {
                Column column = byField.get(entry.getKey());
                if (column == null) {
                    valid = false; // unknown, not accepted or not writable
                    continue;
                }
                Object value = column.converter().value(entry.getValue(), problems);
                if (!problems.isEmpty()) {
                    problems.clear();
                    valid = false;
                    continue;
                }
                rows.values[column.index()][r] = value;
                mask |= 1L << column.index();
            }
            for (Column column : defaulted) {
                if ((mask & (1L << column.index())) == 0) {
                    AttributeModel attribute = column.attribute();
                    rows.values[column.index()][r] = attribute.defaultSupplier() != null
                            ? attribute.type().coerce(attribute.defaultSupplier().get()) : attribute.defaultValue();
                    mask |= 1L << column.index();
                }
            }
            if (!valid || (mask & required) != required) {
                rows.invalid.add(r);
            } else if (mask == 0) {
                return null;
            }
            rows.masks[r] = mask;
        }
        return rows;
    }

    /**
     * Runs the bulk create, or returns {@code null} without writing when an input writes no
     * attribute at all (the changeset path then runs it).
     */
    BulkResult<T> createAll(List<? extends Map<String, ?>> inputs, BulkOptions options, JdbcResourceService<T> service,
                            ActionRunner<T> actions, RecordMapper<T> mapper) {
        Rows rows = convert(inputs);
        if (rows == null) {
            return null;
        }
        if (!rows.invalid.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (int index : rows.invalid) {
                for (FieldError error : actions.startCreate(action, inputs.get(index)).errors) {
                    errors.add(error.atIndex(index));
                }
            }
            if (errors.isEmpty()) {
                throw new IllegalStateException(resource.name() + ": inputs " + rows.invalid + " were refused by the bulk "
                        + "create's fast path but not by action " + action.name() + " itself");
            }
            throw new InvalidException(resource.name(), errors);
        }
        return service.writeAll(Operation.CREATE, byRow(rows), () -> insert(rows, options, service, mapper));
    }

    /** Each row's values by attribute, built only when a constraint violation is tied to its input. */
    private List<Map<AttributeModel, Object>> byRow(Rows rows) {
        return new AbstractList<>() {
            @Override
            public Map<AttributeModel, Object> get(int r) {
                Map<AttributeModel, Object> row = new LinkedHashMap<>();
                for (Column column : columns) {
                    if ((rows.masks[r] & (1L << column.index())) != 0) {
                        row.put(column.attribute(), rows.values[column.index()][r]);
                    }
                }
                return row;
            }

            @Override
            public int size() {
                return rows.size;
            }
        };
    }

    /** One statement per run of consecutive rows writing the same columns, at most {@code batchSize} rows each. */
    private BulkResult<T> insert(Rows rows, BulkOptions options, JdbcResourceService<T> service, RecordMapper<T> mapper) {
        @SuppressWarnings("unchecked")
        T[] records = options.returnRecords() ? (T[]) new Object[rows.size] : null;
        long count = 0;
        int start = 0;
        while (start < rows.size) {
            long mask = rows.masks[start];
            int end = start + 1;
            while (end < rows.size && end - start < options.batchSize() && rows.masks[end] == mask) {
                end++;
            }
            count += insertBatch(rows, mask, start, end, records, service, mapper);
            start = end;
        }
        List<T> returned = records == null ? List.of() : java.util.Arrays.asList(records);
        return new BulkResult<>(returned, count, Collections.nCopies(rows.size, Outcome.CREATED));
    }

    private long insertBatch(Rows rows, long mask, int start, int end, T[] records, JdbcResourceService<T> service,
                             RecordMapper<T> mapper) {
        List<AttributeModel> written = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        boolean exact = true;
        for (Column column : columns) {
            if ((mask & (1L << column.index())) != 0) {
                written.add(column.attribute());
                values.add(rows.values[column.index()]);
                exact &= column.exact();
            }
        }
        if (records == null) {
            return service.statement(service.compiler().insertColumns(resource, written, values, start, end, List.of()))
                    .update();
        }
        List<AttributeModel> attributes = resource.attributes();
        if (!exact) {
            RenderedSql sql = service.compiler().insertColumns(resource, written, values, start, end, attributes);
            List<T> inserted = service.statement(sql).query(mapper).list();
            for (int i = 0; i < inserted.size(); i++) { // RETURNING gives the rows in the order of unnest's arrays
                records[start + i] = inserted.get(i);
            }
            return inserted.size();
        }
        // only what PostgreSQL fills comes back; the rest of each record is its converted input
        List<AttributeModel> filled = attributes.stream().filter(a -> !written.contains(a)).toList();
        int[] filledAt = filled.stream().mapToInt(attributes::indexOf).toArray();
        int[] writtenAt = written.stream().mapToInt(attributes::indexOf).toArray();
        if (filled.isEmpty()) {
            int count = service.statement(service.compiler().insertColumns(resource, written, values, start, end, List.of()))
                    .update();
            for (int r = start; r < end; r++) {
                records[r] = mapper.fromAttributes(row(values, writtenAt, r, attributes.size()));
            }
            return count;
        }
        RenderedSql sql = service.compiler().insertColumns(resource, written, values, start, end, filled);
        List<T> inserted = service.statement(sql).query((rs, rowNum) -> {
            Object[] row = row(values, writtenAt, start + rowNum, attributes.size());
            for (int i = 0; i < filledAt.length; i++) {
                row[filledAt[i]] = filled.get(i).type().read(rs, i + 1);
            }
            return mapper.fromAttributes(row);
        }).list();
        for (int i = 0; i < inserted.size(); i++) {
            records[start + i] = inserted.get(i);
        }
        return inserted.size();
    }

    /** Row {@code r}'s written values, placed at their attributes' positions in the model. */
    private static Object[] row(List<Object[]> values, int[] writtenAt, int r, int width) {
        Object[] row = new Object[width];
        for (int i = 0; i < writtenAt.length; i++) {
            row[writtenAt[i]] = values.get(i)[r];
        }
        return row;
    }
}
