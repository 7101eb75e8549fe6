package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A to-many relationship through a join resource. The component is a {@code List<Target>};
 * {@code null} until loaded.
 *
 * <pre>{@code
 * @ManyToMany(through = TicketTag.class, sourceAttributeOnJoin = "ticketId",
 *             destinationAttributeOnJoin = "tagId") List<Tag> tags
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ManyToMany {

    /** The join resource. */
    Class<?> through();

    /** The target resource; inferred from {@code List<Target>} when left as {@code void.class}. */
    Class<?> target() default void.class;

    /** The join resource's attribute holding this resource's key; defaults to this resource's name, camelCase, + {@code Id}. */
    String sourceAttributeOnJoin() default "";

    /** The join resource's attribute holding the target's key; defaults to the target's name, camelCase, + {@code Id}. */
    String destinationAttributeOnJoin() default "";
}
