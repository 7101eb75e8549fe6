package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component as (part of) the primary key. Several components marked {@code @PrimaryKey}
 * make a composite key, in declaration order. A primary key is never nil and, once stored, never
 * written by an update.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface PrimaryKey {

    /** How a missing key is generated on create. */
    KeyGeneration generated() default KeyGeneration.AUTO;

    /** The column; defaults to the snake_case component name. */
    String column() default "";
}
