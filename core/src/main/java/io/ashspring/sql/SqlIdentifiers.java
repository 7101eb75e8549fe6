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

    /**
     * A text search configuration name as an SQL constant: {@code english} → {@code 'english'::regconfig}.
     * It is a catalog name, validated as an identifier (so it cannot hold a quote); written as a
     * constant rather than bound so that a {@code to_tsvector('english', ...)} index still matches.
     *
     * @throws IllegalArgumentException when the name is not a valid identifier
     */
    public static String regconfig(String name) {
        String problem = Names.identifierProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException("Text search configuration '" + name + "' " + problem);
        }
        return "'" + name + "'::regconfig";
    }

    /** {@code "schema"."table"}. */
    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }
}
