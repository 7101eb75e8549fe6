package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A to-many relationship whose foreign key lives on the target. The component is a
 * {@code List<Target>}; it is {@code null} until loaded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface HasMany {

    /** The target resource; inferred from {@code List<Target>} when left as {@code void.class}. */
    Class<?> target() default void.class;

    /** The attribute on the target holding this resource's key; defaults to this resource's name, camelCase, + {@code Id}. */
    String destinationAttribute() default "";

    /** The attribute of this resource the targets point at; defaults to the primary key. */
    String sourceAttribute() default "";

    /**
     * For a polymorphic target: the table its rows live in for this relationship
     * ({@code "post_reactions"}); migrations create one table per such relationship.
     */
    String table() default "";
}
