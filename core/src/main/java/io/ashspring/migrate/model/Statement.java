package io.ashspring.migrate.model;

/**
 * A custom statement: SQL run after the table exists, and the SQL that undoes it.
 *
 * @param name unique within the table
 * @param up creates the object
 * @param down removes it
 */
public record Statement(String name, String up, String down) {
}
