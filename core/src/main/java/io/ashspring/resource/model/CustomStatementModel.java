package io.ashspring.resource.model;

/**
 * SQL run by migrations.
 *
 * @param name unique within the resource
 * @param up creates the object
 * @param down removes it
 */
public record CustomStatementModel(String name, String up, String down) {
}
