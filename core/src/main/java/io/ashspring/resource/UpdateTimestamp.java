package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A timestamp set when the record is created and touched by every update (not writable).
 * The component must be an {@code Instant}, {@code OffsetDateTime} or {@code LocalDateTime}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface UpdateTimestamp {

    /** The column; defaults to the snake_case component name. */
    String column() default "";
}
