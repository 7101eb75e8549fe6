package io.ashspring.migrate.state;

/**
 * One state file: what a codegen run changed.
 *
 * @param name the file name ({@code 20260101120000_add_priority.json}); files fold in name order
 * @param content its JSON
 */
public record StateFile(String name, String content) {
}
