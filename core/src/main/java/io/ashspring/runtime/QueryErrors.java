package io.ashspring.runtime;

import java.sql.SQLException;
import java.util.Set;

import org.postgresql.util.ServerErrorMessage;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.error.MissingExtensionException;
import io.ashspring.error.UnavailableException;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.RenderedSql;

/**
 * Maps the database errors a query (rather than the data) causes: a database that cannot be reached
 * ({@link ConnectionFailures}) becomes an {@link UnavailableException} of
 * {@link UnavailableException.Reason#DATABASE_UNREACHABLE}; a lock that cannot be taken at
 * once ({@code 55P03} lock_not_available) becomes an {@link UnavailableException}; a function,
 * operator or type that does not exist ({@code 42883} undefined_function, {@code 42704}
 * undefined_object) in a statement that uses an extension's features becomes a
 * {@link MissingExtensionException} saying which extension to install; a read that exceeds a limit
 * of PostgreSQL ({@code 54xxx}: a text too long for {@code to_tsvector}) or binds a value PostgreSQL
 * cannot read as the type it is compared with (a keyset position of an expression that is not a
 * number, for example) becomes an {@link InvalidQueryException}. Its cause leaves the values out.
 */
final class QueryErrors {

    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String UNDEFINED_FUNCTION = "42883";
    static final String UNDEFINED_OBJECT = "42704";
    /**
     * Data exceptions of a value that does not fit the type it is read as: invalid_text_representation,
     * invalid_datetime_format, datetime_field_overflow, numeric_value_out_of_range,
     * character_not_in_repertoire, untranslatable_character, invalid_escape_sequence.
     */
    static final Set<String> UNREADABLE_VALUE = Set.of("22P02", "22007", "22008", "22003", "22021", "22P05", "22025");

    private QueryErrors() {
    }

    /**
     * @param sql the statement, or {@code null} for a write (whose errors of values are the changeset's)
     */
    static RuntimeException translate(RuntimeException error, ResourceModel resource, RenderedSql sql) {
        if (ConnectionFailures.isConnectionFailure(error)) {
            return new UnavailableException(resource.name(), UnavailableException.Reason.DATABASE_UNREACHABLE, error);
        }
        String state = sqlState(error);
        if (LOCK_NOT_AVAILABLE.equals(state)) {
            return new UnavailableException(resource.name(), error);
        }
        if ((UNDEFINED_FUNCTION.equals(state) || UNDEFINED_OBJECT.equals(state)) && sql != null
                && !sql.extensions().isEmpty()) {
            return new MissingExtensionException(sql.extensions(), sql.features(), error);
        }
        ServerErrorMessage server = ConstraintErrors.serverError(error).orElse(null);
        if (server != null && state != null && state.startsWith(ConstraintErrors.PROGRAM_LIMIT_CLASS)) {
            return new InvalidQueryException(resource.name(), "query", "exceeds a limit of PostgreSQL: "
                    + server.getMessage(), ConstraintErrors.redacted(server));
        }
        if (server != null && sql != null && UNREADABLE_VALUE.contains(state)) {
            return new InvalidQueryException(resource.name(), "query", "has a value PostgreSQL cannot read as the "
                    + "type it is compared with (SQLSTATE " + state + ")", ConstraintErrors.redacted(server));
        }
        return error;
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
