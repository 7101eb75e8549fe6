package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PostgreSQL details of a resource's table that only migrations use.
 *
 * <pre>{@code
 * @Resource(table = "events")
 * @TableOptions(createTableOptions = "PARTITION BY RANGE (inserted_at)")
 * public record Event(@PrimaryKey UUID id, @PrimaryKey @CreateTimestamp Instant insertedAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TableOptions {

    /**
     * SQL appended to {@code CREATE TABLE}, e.g. {@code "PARTITION BY RANGE (inserted_at)"}. Applies when
     * the table is created; PostgreSQL cannot change it on an existing table.
     */
    String createTableOptions() default "";

    /**
     * The SQL form of the resource's base filter ({@code "deleted_at IS NULL"}): added to the
     * {@code WHERE} of identity indexes, and to check constraints as {@code (check) OR NOT (filter)}.
     */
    String baseFilterSql() default "";

    /** Attributes left out of migrations (their columns are managed elsewhere). */
    String[] ignoreAttributes() default {};
}
