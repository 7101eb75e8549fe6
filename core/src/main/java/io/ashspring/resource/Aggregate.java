package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component computed in SQL over the records of a relationship of this resource:
 * {@code @Aggregate(kind = SUM, relationship = "comments", field = "votes", defaultValue = "0") Long votes}.
 * It is {@code null} until loaded ({@code Query.load("votes")}) and usable by name in filters and
 * sorts ({@code votes > 5}, {@code -votes}) without being loaded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Aggregate {

    /** What to compute. */
    AggregateKind kind();

    /** The relationship (has_many, has_one, many_to_many or belongs_to) whose records are aggregated. */
    String relationship();

    /** The target's attribute aggregated; required by every kind but {@code COUNT} and {@code EXISTS}. */
    String field() default "";

    /** Only the related records matching this expression (text syntax) count. */
    String filter() default "";

    /** Sort keys of the related records for {@code FIRST} and {@code LIST} ({@code "-insertedAt"}). */
    String[] sort() default {};

    /** Whether only distinct values count ({@code COUNT}, {@code SUM}, {@code AVG}, {@code LIST}). */
    boolean distinct() default false;

    /** The value when there is nothing to aggregate (text, converted to the component's type); count defaults to 0. */
    String defaultValue() default "";

    /** Whether untrusted input (HTTP filters and sorts) may reach it. */
    boolean isPublic() default true;
}
