package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * SQL run by migrations after the resource's table exists ({@link #up()}) and to undo it
 * ({@link #down()}). Changing a statement runs the old {@code down} and then the new {@code up}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(CustomStatements.class)
public @interface CustomStatement {

    /** A name unique within the resource. */
    String name();

    /** The SQL that creates the object. */
    String up();

    /** The SQL that removes it. */
    String down();
}
