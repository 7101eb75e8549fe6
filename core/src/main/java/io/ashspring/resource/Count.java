package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shorthand for {@code @Aggregate(kind = COUNT, relationship = ...)}: the number of related records,
 * 0 when there are none. {@code @Count("comments") Long commentCount}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Count {

    /** The relationship whose records are counted. */
    String value();

    /** Only the related records matching this expression (text syntax) count. */
    String filter() default "";

    /** Whether untrusted input (HTTP filters and sorts) may reach it. */
    boolean isPublic() default true;
}
