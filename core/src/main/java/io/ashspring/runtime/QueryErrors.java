package io.ashspring.runtime;

import java.sql.SQLException;

import io.ashspring.error.MissingExtensionException;
import io.ashspring.error.UnavailableException;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.RenderedSql;

/**
 * Maps the database errors a query (rather than the data) causes: a lock that cannot be taken at
 * once ({@code 55P03} lock_not_available) becomes an {@link UnavailableException}; a function,
 * operator or type that does not exist ({@code 42883} undefined_function, {@code 42704}
 * undefined_object) in a statement that uses an extension's features becomes a
 * {@link MissingExtensionException} saying which extension to install.
 */
final class QueryErrors {

    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String UNDEFINED_FUNCTION = "42883";
    static final String UNDEFINED_OBJECT = "42704";

    private QueryErrors() {
    }

    static RuntimeException translate(RuntimeException error, ResourceModel resource, RenderedSql sql) {
        String state = sqlState(error);
        if (LOCK_NOT_AVAILABLE.equals(state)) {
            return new UnavailableException(resource.name(), error);
        }
        if ((UNDEFINED_FUNCTION.equals(state) || UNDEFINED_OBJECT.equals(state)) && sql != null
                && !sql.extensions().isEmpty()) {
            return new MissingExtensionException(sql.extensions(), sql.features(), error);
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
