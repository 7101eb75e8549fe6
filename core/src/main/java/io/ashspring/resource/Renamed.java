package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the migration generator that something was renamed, so that it emits a rename instead of
 * asking (or, in a non-interactive run, failing on an ambiguous change). Renames are never guessed.
 *
 * <p>On a record component: the column's previous name ({@code @Renamed(from = "title") String name}).
 * On a belongs_to component it names the previous foreign-key column.
 *
 * <p>On the record: the table's previous name, {@code "old_table"} (same schema) or
 * {@code "old_schema.old_table"} (a move to another schema, possibly renamed too).
 *
 * <p>The hint may stay after the rename was generated: once the old name is gone from the recorded
 * state it has no effect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Renamed {

    /** The previous column name, or the previous table name ({@code table} or {@code schema.table}). */
    String from();
}
