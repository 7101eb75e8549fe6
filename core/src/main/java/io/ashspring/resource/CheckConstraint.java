package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A database check constraint. A violation becomes a field error with {@link #message()} on
 * {@link #fields()}.
 *
 * <pre>{@code @CheckConstraint(name = "price_positive", check = "price > 0", fields = "price", message = "must be positive")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(CheckConstraints.class)
public @interface CheckConstraint {

    /** The constraint name. */
    String name();

    /** The SQL condition; empty: the constraint exists already and is only used to map errors. */
    String check() default "";

    /** The attributes the error attaches to. */
    String[] fields() default {};

    /** The error message; defaults to "is invalid". */
    String message() default "";
}
