package io.ashspring.autoconfigure.diagnostics;

import java.sql.SQLException;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

import io.ashspring.runtime.ConnectionFailures;

/**
 * The application could not connect to its database while starting (the startup migration, Spring
 * Boot's Liquibase run, the pool's first connection): names the URL, without a password, and says
 * what PostgreSQL or the driver answered. Also a login refused (SQLSTATE class {@code 28}) and a
 * database that does not exist ({@code 3D000}), which fail the same first connection.
 *
 * <p>Ordered after the analyzers of specific failures (an embedded server that did not start) and
 * before the one of migrations, whose failure may wrap a lost connection.
 */
class DatabaseUnreachableFailureAnalyzer extends AshFailureAnalyzer<Throwable> {

    static final String URL = "spring.datasource.url";
    static final String USERNAME = "spring.datasource.username";
    private static final String INVALID_AUTHORIZATION_CLASS = "28";
    private static final String INVALID_CATALOG_NAME = "3D000";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//([^/@:]*):[^/@]*@");

    /** {@code null} when the application failed before it had a context. */
    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected String description(Throwable failure) {
        String state = sqlState(failure);
        if (!ConnectionFailures.isConnectionFailure(failure) && (state == null
                || !(state.startsWith(INVALID_AUTHORIZATION_CLASS) || state.equals(INVALID_CATALOG_NAME)))) {
            return null;
        }
        String url = environment == null ? null : environment.getProperty(URL);
        String user = environment == null ? null : environment.getProperty(USERNAME);
        return "Could not connect to the database at " + (url == null ? "the configured URL (" + URL + " is not set)"
                : redacted(url)) + (user == null ? "" : " as user '" + user + "'") + ": " + innermostMessage(failure);
    }

    @Override
    protected String action(Throwable failure) {
        String state = sqlState(failure);
        if (state != null && state.startsWith(INVALID_AUTHORIZATION_CLASS)) {
            return "Check " + USERNAME + " and spring.datasource.password.";
        }
        if (INVALID_CATALOG_NAME.equals(state)) {
            return "Create the database (CREATE DATABASE ...) or name an existing one in " + URL + ".";
        }
        return "Start PostgreSQL, or set " + URL + " (and " + USERNAME + ", spring.datasource.password) to a running "
                + "server; or remove " + URL + " and add ash-spring-boot-embedded to run an embedded PostgreSQL in "
                + "development.";
    }

    @Override
    public int getOrder() {
        return 10;
    }

    /** The URL with any password replaced by {@code ****}. */
    static String redacted(String url) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO_PASSWORD.matcher(withoutParameter).replaceAll("//$1:****@");
    }

    /** The innermost SQLSTATE, the driver's own. */
    private static String sqlState(Throwable failure) {
        String state = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
    }

    /**
     * The driver's words ("Connection to localhost:5432 refused"): the innermost SQLException's message,
     * else the innermost message (a wrapper's says less, a socket's says less about where).
     */
    private static String innermostMessage(Throwable failure) {
        String message = failure.getMessage();
        String sqlMessage = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                if (t instanceof SQLException) {
                    sqlMessage = t.getMessage();
                }
            }
        }
        return sqlMessage != null ? sqlMessage : message;
    }
}
