package io.ashspring.tenant;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.ashspring.error.InvalidTenantException;

/**
 * A validated tenant name. With the schema strategy it is also the name of the tenant's PostgreSQL
 * schema, so it is checked before it reaches any SQL (and is quoted there as well): ASCII letters,
 * digits, {@code _} and {@code -}, at most 63 bytes (PostgreSQL's identifier limit, beyond which it
 * would silently truncate and two tenants could share a schema), not starting with {@code pg_}
 * (reserved for system schemas) and none of {@code public}, {@code information_schema}.
 *
 * @param value the name as given
 */
public record TenantName(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_BYTES = 63;

    /** Validates the name. */
    public TenantName {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidTenantException(value, problem);
        }
    }

    /** The validated name. */
    public static TenantName of(String value) {
        return new TenantName(value);
    }

    /** Whether {@code value} is a valid tenant name. */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** What is wrong with {@code value}, or {@code null} when it is a valid tenant name. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "is longer than " + MAX_BYTES + " bytes";
        }
        if (!ALLOWED.matcher(value).matches()) {
            return "may contain only ASCII letters, digits, '_' and '-'";
        }
        if (value.regionMatches(true, 0, "pg_", 0, 3)) {
            return "starts with 'pg_', which PostgreSQL reserves for system schemas";
        }
        if (value.equalsIgnoreCase("public") || value.equalsIgnoreCase("information_schema")) {
            return "is a schema every database has";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
