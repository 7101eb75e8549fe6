package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Columns of this resource's table that the migration generator may drop: the explicit opt-in for a
 * destructive change, reviewed in code. Without it (or the generator's {@code allowDrops} option) a
 * column that disappeared from the record fails the run, naming it.
 *
 * <pre>{@code
 * @Resource(table = "tickets")
 * @Dropped("legacy_code")
 * public record Ticket(@PrimaryKey UUID id, String subject) {}
 * }</pre>
 *
 * A name that is still a column of the resource is an error; a name that is no longer in the
 * recorded state has no effect, so the hint may stay after the drop was generated.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Dropped {

    /** The column names. */
    String[] value();
}
