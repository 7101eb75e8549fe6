package io.ashspring.runtime;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.CheckConstraintModel;
import io.ashspring.resource.model.ConstraintNames;
import io.ashspring.resource.model.CustomIndexModel;
import io.ashspring.resource.model.IdentityModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * The one place that maps database constraint violations back to field errors, by constraint
 * name (never by message text, which PostgreSQL translates): not-null → "is required"; primary key,
 * identity or unique index → "has already been taken" (or the declared message); own foreign key →
 * "does not exist"; a referencing row that blocks a delete → "would leave records behind"; check →
 * its message. A program limit of PostgreSQL ({@code 54xxx}: an index row or a tsvector too large)
 * becomes "is too large" on the field of the index it names, else on the largest value written. A
 * violation of a constraint the model does not know is passed through unchanged.
 *
 * <p>The {@link InvalidException} never carries the database error itself: PostgreSQL's detail
 * ("Failing row contains (...)", "Key (secret)=(...) already exists") holds the row's values,
 * sensitive ones too. Its cause is a {@link SQLException} with the SQLSTATE, the constraint, table
 * and column, and PostgreSQL's message without the detail.
 */
final class ConstraintErrors {

    static final String NOT_NULL = "23502";
    static final String FOREIGN_KEY = "23503";
    /** An {@code ON DELETE/UPDATE RESTRICT} foreign key blocked the change (not reported as 23503). */
    static final String RESTRICT = "23001";
    static final String UNIQUE = "23505";
    static final String CHECK = "23514";
    /** The class of {@code program_limit_exceeded} and its kin. */
    static final String PROGRAM_LIMIT_CLASS = "54";

    private enum Kind { UNIQUE, FOREIGN_KEY, CHECK }

    /** What one named constraint means for the resource that owns it. */
    private record Mapping(ResourceModel owner, Kind kind, List<String> fields, String message, String code) {
    }

    private final Map<String, List<Mapping>> byName = new HashMap<>();

    ConstraintErrors(ResourceRegistry registry) {
        for (ResourceModel resource : registry.resources()) {
            if (resource.table() != null) {
                add(resource);
                continue;
            }
            // a polymorphic resource: its constraints in each of its tables, under the names they take there
            for (String table : registry.tablesOf(resource.type())) {
                add(registry.inTable(resource.type(), table));
            }
        }
        for (ResourceModel owner : registry.resources()) {
            for (RelationshipModel relationship : owner.relationships()) {
                if (relationship.table() != null && owner.table() != null) {
                    // the key from the polymorphic table back to its owner: its subject must exist
                    ResourceModel bound = registry.inTable(relationship.target(), relationship.table());
                    String column = bound.requireAttribute(relationship.destinationAttribute()).column();
                    add(ConstraintNames.foreignKey(relationship.table(), column), new Mapping(bound, Kind.FOREIGN_KEY,
                            List.of(relationship.destinationAttribute()), "does not exist", "not_found"));
                }
            }
        }
    }

    /** The constraints of a resource stored in its table. */
    private void add(ResourceModel resource) {
        List<String> key = resource.primaryKey().stream().map(AttributeModel::name).toList();
        add(resource.primaryKeyName(), new Mapping(resource, Kind.UNIQUE, key.subList(0, Math.min(1, key.size())),
                "has already been taken", "unique"));
        for (IdentityModel identity : resource.identities()) {
            add(identity.indexName(), new Mapping(resource, Kind.UNIQUE, identity.keys().subList(0, 1),
                    identity.message(), "unique"));
        }
        for (CustomIndexModel index : resource.customIndexes()) {
            if (index.unique()) {
                String first = index.fields().get(0).trim().split("\\s+")[0];
                String field = resource.attribute(first).map(AttributeModel::name).orElse(first);
                add(index.name(), new Mapping(resource, Kind.UNIQUE, List.of(field), index.message(), "unique"));
            }
        }
        for (CheckConstraintModel check : resource.checkConstraints()) {
            add(check.name(), new Mapping(resource, Kind.CHECK, check.fields().isEmpty() ? List.of(check.name())
                    : check.fields(), check.message(), "check"));
        }
        for (RelationshipModel relationship : resource.relationships()) {
            if (relationship.reference() != null) {
                add(relationship.reference().name(), new Mapping(resource, Kind.FOREIGN_KEY,
                        List.of(relationship.sourceAttribute()), "does not exist", "not_found"));
            }
        }
    }

    private void add(String name, Mapping mapping) {
        byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(mapping);
    }

    /**
     * The field errors a database error means for a write of {@code resource}, or the error itself
     * when the model does not know the violated constraint.
     */
    RuntimeException translate(RuntimeException error, ResourceModel resource, Operation operation,
                               Map<AttributeModel, Object> values) {
        ServerErrorMessage server = serverError(error).orElse(null);
        if (server == null || server.getSQLState() == null) {
            return error;
        }
        List<FieldError> fields = switch (server.getSQLState()) {
            case NOT_NULL -> notNull(resource, server);
            case UNIQUE, CHECK -> named(resource, server).map(m -> m.fields().stream()
                    .map(f -> new FieldError(f, m.message(), m.code())).toList()).orElse(List.of());
            case FOREIGN_KEY, RESTRICT -> foreignKey(resource, server, operation);
            default -> server.getSQLState().startsWith(PROGRAM_LIMIT_CLASS) ? tooLarge(resource, server, values) : List.of();
        };
        return fields.isEmpty() ? error : new InvalidException(resource.name(), fields, redacted(server));
    }

    /**
     * The field errors a database error of a bulk write means, each with the index of the input
     * it belongs to where PostgreSQL's detail names a key ({@code Key (email)=(...) already exists},
     * {@code ... is not present in table ...}): every input with those values. The detail is read
     * to match the inputs only; it never reaches the exception.
     *
     * @param rows each input's values, by index
     */
    RuntimeException translate(RuntimeException error, ResourceModel resource, Operation operation,
                               List<Map<AttributeModel, Object>> rows) {
        ServerErrorMessage server = serverError(error).orElse(null);
        List<Integer> indexes = server == null ? List.of() : inputsOfKey(resource, server.getDetail(), rows);
        RuntimeException translated = translate(error, resource, operation, indexes.isEmpty() ? Map.of()
                : rows.get(indexes.get(0)));
        if (!(translated instanceof InvalidException invalid) || translated == error || indexes.isEmpty()) {
            return translated;
        }
        List<FieldError> indexed = new ArrayList<>();
        for (int index : indexes) {
            invalid.errors().forEach(e -> indexed.add(e.atIndex(index)));
        }
        return new InvalidException(resource.name(), indexed, invalid.getCause());
    }

    /** {@code Key (col, col)=(value, value) ...}: the columns and the values as PostgreSQL prints them. */
    private static final java.util.regex.Pattern KEY_DETAIL = java.util.regex.Pattern.compile(
            "Key \\((.+?)\\)=\\((.*)\\) (?:already exists|is not present|is still referenced).*", java.util.regex.Pattern.DOTALL);

    /** The indexes of the inputs whose values of the detail's key columns print as the detail's values. */
    private static List<Integer> inputsOfKey(ResourceModel resource, String detail, List<Map<AttributeModel, Object>> rows) {
        java.util.regex.Matcher matcher = detail == null ? null : KEY_DETAIL.matcher(detail);
        if (matcher == null || !matcher.matches()) {
            return List.of();
        }
        List<AttributeModel> key = new ArrayList<>();
        for (String column : matcher.group(1).split(", ")) {
            Optional<AttributeModel> attribute = resource.attributes().stream()
                    .filter(a -> a.column().equals(column.replace("\"", ""))).findFirst();
            if (attribute.isEmpty()) {
                return List.of(); // an expression index: its values cannot be told apart
            }
            key.add(attribute.get());
        }
        String values = matcher.group(2);
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder printed = new StringBuilder();
            for (AttributeModel attribute : key) {
                Object value = rows.get(i).get(attribute);
                printed.append(printed.length() == 0 ? "" : ", ")
                        .append(value == null ? "null" : String.valueOf(attribute.type().toJdbc(value)));
            }
            if (printed.toString().equals(values)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /**
     * An index row or a tsvector too large: on the fields of the index when PostgreSQL names it (a
     * btree row over its third of a page), else on the largest value written (nothing else names it).
     */
    private List<FieldError> tooLarge(ResourceModel resource, ServerErrorMessage server, Map<AttributeModel, Object> values) {
        String message = "is too large for PostgreSQL (" + server.getMessage() + ")";
        Optional<Mapping> index = named(resource, server);
        if (index.isPresent()) {
            return index.get().fields().stream().map(f -> new FieldError(f, message, "too_large")).toList();
        }
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .max(java.util.Comparator.comparingLong(e -> size(e.getValue())))
                .map(e -> List.of(new FieldError(e.getKey().name(), message, "too_large"))).orElse(List.of());
    }

    /** A rough size of a value, to tell the largest of a write. */
    private static long size(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().mapToLong(i -> i == null ? 0 : size(i)).sum();
        }
        return String.valueOf(value).length();
    }

    /**
     * The database error without what may hold values: its SQLSTATE, constraint, table and column,
     * and PostgreSQL's message for constraint violations and program limits (which name objects,
     * never values); never the detail, hint or context.
     */
    static SQLException redacted(ServerErrorMessage server) {
        String state = server.getSQLState();
        boolean namesOnly = state.startsWith("23") || state.startsWith(PROGRAM_LIMIT_CLASS);
        StringBuilder reason = new StringBuilder(namesOnly && server.getMessage() != null ? server.getMessage()
                : "PostgreSQL error").append(" [SQLSTATE ").append(state);
        if (server.getConstraint() != null) {
            reason.append(", constraint ").append(server.getConstraint());
        }
        if (server.getTable() != null) {
            reason.append(", table ").append(server.getTable());
        }
        if (server.getColumn() != null) {
            reason.append(", column ").append(server.getColumn());
        }
        return new SQLException(reason.append("; values left out]").toString(), state);
    }

    private List<FieldError> notNull(ResourceModel resource, ServerErrorMessage server) {
        String column = server.getColumn();
        if (column == null || !resource.table().equals(server.getTable())) {
            return List.of();
        }
        return resource.attributes().stream().filter(a -> a.column().equals(column)).findFirst()
                .map(a -> List.of(new FieldError(a.name(), "is required", "required"))).orElse(List.of());
    }

    private List<FieldError> foreignKey(ResourceModel resource, ServerErrorMessage server, Operation operation) {
        Optional<Mapping> found = named(resource, server);
        if (found.isEmpty()) {
            return List.of();
        }
        Mapping mapping = found.get();
        // PostgreSQL reports the referencing table when the new key is missing, and the referenced
        // table when a delete or key change would orphan referencing rows
        boolean ownKeyMissing = operation != Operation.DESTROY && mapping.owner() == resource
                && resource.table().equals(server.getTable());
        if (ownKeyMissing) {
            return List.of(new FieldError(mapping.fields().get(0), mapping.message(), mapping.code()));
        }
        String field = resource.relationships().stream()
                .filter(r -> (r.kind() == RelationshipKind.HAS_MANY || r.kind() == RelationshipKind.HAS_ONE)
                        && r.target() == mapping.owner().type())
                .map(RelationshipModel::name).findFirst()
                .orElse(resource.primaryKey().isEmpty() ? "id" : resource.primaryKey().get(0).name());
        return List.of(new FieldError(field, "would leave records behind", "would_leave_records_behind"));
    }

    private Optional<Mapping> named(ResourceModel resource, ServerErrorMessage server) {
        String constraint = server.getConstraint();
        List<Mapping> mappings = constraint == null ? null : byName.get(constraint);
        if (mappings == null) {
            return Optional.empty();
        }
        // several tables may use one constraint name: prefer the resource being written, then the reported table
        return mappings.stream().filter(m -> m.owner() == resource).findFirst()
                .or(() -> mappings.stream().filter(m -> m.owner().table().equals(server.getTable())).findFirst())
                .or(() -> mappings.stream().findFirst());
    }

    /** PostgreSQL's error message object in a chain of exceptions, if any. */
    static Optional<ServerErrorMessage> serverError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.of(psql.getServerErrorMessage());
            }
            if (t instanceof SQLException sql && sql.getNextException() instanceof PSQLException next
                    && next.getServerErrorMessage() != null) {
                return Optional.of(next.getServerErrorMessage());
            }
        }
        return Optional.empty();
    }
}
