package io.ashspring.sql;

import io.ashspring.resource.Names;

/** Validates and quotes identifiers: the only way a name enters SQL text. */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    /**
     * {@code tickets} → {@code "tickets"}.
     *
     * @throws IllegalArgumentException when the name is not a valid identifier
     */
    public static String quote(String identifier) {
        String problem = Names.identifierProblem(identifier);
        if (problem != null) {
            throw new IllegalArgumentException("Identifier '" + identifier + "' " + problem);
        }
        return '"' + identifier + '"';
    }

    /** {@code "schema"."table"}. */
    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }
}
