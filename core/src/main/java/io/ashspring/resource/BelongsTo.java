package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A to-one relationship whose foreign key lives on this resource. The component is a
 * {@link Ref Ref&lt;Target, KeyType&gt;}; the relationship creates the foreign-key attribute
 * ({@code representative} → attribute {@code representativeId}, column {@code representative_id}).
 * Configure the database's foreign key with {@link Reference}.
 *
 * <pre>{@code
 * @BelongsTo(allowNil = false) @Reference(onDelete = OnDelete.DELETE) Ref<Ticket, UUID> ticket
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface BelongsTo {

    /** The target resource; inferred from {@code Ref<Target, ?>} when left as {@code void.class}. */
    Class<?> target() default void.class;

    /** The foreign-key attribute; defaults to the component name + {@code Id}. */
    String attribute() default "";

    /** The foreign-key column; defaults to the snake_case attribute name. */
    String column() default "";

    /** The attribute of the target the key points at; defaults to the target's primary key. */
    String destinationAttribute() default "";

    /** {@code false}: the foreign key is required. */
    boolean allowNil() default true;

    /** {@code false}: the foreign key cannot be set by input. */
    boolean writable() default true;

    /** The foreign key is (part of) this resource's primary key (join resources). */
    boolean primaryKey() default false;
}
