/**
 * The table model's elements: immutable records describing what a table should look like (columns,
 * keys, foreign keys, indexes, checks, custom statements). They are compared by value by the diff and
 * written as JSON into the recorded state, so they hold plain data only.
 */
package io.ashspring.migrate.model;
