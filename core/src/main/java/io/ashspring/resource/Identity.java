package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unique key: a unique index on the attributes, optionally partial. A violation becomes a field
 * error "has already been taken" on the first key attribute.
 *
 * <pre>{@code @Identity(name = "unique_email", keys = "email", where = "status = 'active'")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Identities.class)
public @interface Identity {

    /** The identity's name; the unique index is named {@code <table>_<name>_index}. */
    String name();

    /** The attributes, by attribute name. */
    String[] keys();

    /** SQL condition for a partial unique index. */
    String where() default "";

    /** {@code false}: nulls are not distinct ({@code NULLS NOT DISTINCT}, PostgreSQL 15+). */
    boolean nullsDistinct() default true;

    /** The error message; defaults to "has already been taken". */
    String message() default "";

    /** Overrides the unique index name. */
    String indexName() default "";
}
