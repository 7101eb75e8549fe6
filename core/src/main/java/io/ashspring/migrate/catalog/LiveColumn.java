package io.ashspring.migrate.catalog;

/**
 * A column as the catalog has it.
 *
 * @param name the column name
 * @param typeOid the oid of its type
 * @param type its type as PostgreSQL prints it, with modifiers ({@code character varying(40)}, {@code numeric(10,2)[]})
 * @param nullable whether it allows null
 */
public record LiveColumn(String name, long typeOid, String type, boolean nullable) {
}
