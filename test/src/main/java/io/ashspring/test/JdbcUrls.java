package io.ashspring.test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small parser for pgjdbc URLs: {@code jdbc:postgresql:db}, {@code jdbc:postgresql://host/db},
 * {@code jdbc:postgresql://[::1]:5432,host2:5433/db?user=u&ssl=true} and the like.
 */
final class JdbcUrls {

    static final String PREFIX = "jdbc:postgresql:";

    // Only the value is replaced, so the rest of the URL stays readable in logs.
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("([?&]password=)[^&]*");

    private JdbcUrls() {
    }

    /**
     * Returns {@code url} with its database name replaced by {@code database}, keeping the hosts,
     * ports and query parameters. A URL without a database name gets one.
     */
    static String withDatabase(String url, String database) {
        Parts parts = Parts.of(url);
        String encoded = URLEncoder.encode(database, StandardCharsets.UTF_8);
        if (parts.authority == null) {
            return PREFIX + encoded + parts.query;
        }
        return PREFIX + "//" + parts.authority + "/" + encoded + parts.query;
    }

    /** The database named by {@code url}, or an empty string if it names none. */
    static String databaseName(String url) {
        return URLDecoder.decode(Parts.of(url).database, StandardCharsets.UTF_8);
    }

    /**
     * The decoded value of query parameter {@code name} (the last one wins, as in pgjdbc), or
     * {@code null} if absent.
     */
    static String queryParameter(String url, String name) {
        String query = Parts.of(url).query;
        if (query.length() <= 1) {
            return null;
        }
        String value = null;
        for (String pair : query.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    /** {@code url} with the value of any {@code password} parameter masked, for logs and toString. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        Matcher matcher = PASSWORD_PARAMETER.matcher(url);
        return matcher.replaceAll("$1****");
    }

    /** The pieces of a pgjdbc URL that the methods above need. */
    private static final class Parts {

        /** Hosts and ports, {@code null} for the {@code jdbc:postgresql:db} form. */
        final String authority;
        /** The raw (still encoded) database name, possibly empty. */
        final String database;
        /** {@code ?...} including the question mark, or empty. */
        final String query;

        private Parts(String authority, String database, String query) {
            this.authority = authority;
            this.database = database;
            this.query = query;
        }

        static Parts of(String url) {
            if (url == null || !url.startsWith(PREFIX)) {
                throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (must start with "
                        + PREFIX + "): " + redact(url));
            }
            String rest = url.substring(PREFIX.length());
            String query = "";
            int questionMark = rest.indexOf('?');
            if (questionMark >= 0) {
                query = rest.substring(questionMark);
                rest = rest.substring(0, questionMark);
            }
            if (!rest.startsWith("//")) {
                return new Parts(null, rest, query);
            }
            rest = rest.substring(2);
            // IPv6 hosts are bracketed and never contain '/', so the first '/' ends the hosts.
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return new Parts(rest, "", query);
            }
            return new Parts(rest.substring(0, slash), rest.substring(slash + 1), query);
        }
    }
}
