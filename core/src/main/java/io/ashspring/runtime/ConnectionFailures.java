package io.ashspring.runtime;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells the errors of a database that cannot be reached from the errors of a statement: the one
 * place that decides when a failure becomes an {@link io.ashspring.error.UnavailableException} with
 * {@link io.ashspring.error.UnavailableException.Reason#DATABASE_UNREACHABLE}. Anywhere in the
 * cause chain:
 * <ul>
 *   <li>an {@link SQLException} of SQLSTATE class {@code 08} (connection exception: pgjdbc's
 *       "Connection refused", "An I/O error occurred while sending to the backend"), or
 *       {@code 57P01}–{@code 57P03} (the server shutting down or starting up);</li>
 *   <li>{@link SQLTransientConnectionException} (HikariCP's "Connection is not available, request
 *       timed out", whatever SQLSTATE it copied from the last attempt) and
 *       {@link SQLNonTransientConnectionException};</li>
 *   <li>Spring's {@link CannotGetJdbcConnectionException};</li>
 *   <li>a refused, unroutable, unresolvable or timed-out socket.</li>
 * </ul>
 * Public so that the startup failure report tells an unreachable database the same way.
 */
public final class ConnectionFailures {

    /** SQLSTATE class connection_exception. */
    static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** admin_shutdown, crash_shutdown, cannot_connect_now. */
    static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private ConnectionFailures() {
    }

    /**
     * Whether the error says the database cannot be reached, rather than that a statement failed.
     *
     * @param error the failure, searched with its causes
     * @return whether it or one of its causes is a connection failure
     */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                    || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
