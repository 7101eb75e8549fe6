package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java record as a resource: a table in PostgreSQL, a service at run time and a source of
 * migrations. Each record component is an attribute, a relationship ({@link BelongsTo},
 * {@link HasOne}, {@link HasMany}, {@link ManyToMany}) or, later, a calculation or aggregate.
 *
 * <p>A resource may declare {@code static void configure(ResourceSpec<Self> spec)} for what
 * annotations cannot say well (Java suppliers for defaults, many check constraints, ...).
 *
 * <pre>{@code
 * @Resource(table = "tickets")
 * public record Ticket(@PrimaryKey UUID id,
 *                      @Attribute(allowNil = false, maxLength = 200) String subject,
 *                      Status status) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Resource {

    /** The table; defaults to the snake_case simple name of the record ({@code SupportTicket} → {@code support_ticket}). */
    String table() default "";

    /** The PostgreSQL schema; defaults to {@code public}. */
    String schema() default "";

    /** The resource's name in errors and filters; defaults to the record's simple name. */
    String name() default "";

    /** {@code false}: left out of generated migrations (the table is managed elsewhere), never dropped. */
    boolean migrate() default true;

    /**
     * A polymorphic resource has no table of its own: each relationship that targets it names the
     * table it is stored in ({@code @HasMany(table = "post_reactions")}).
     */
    boolean polymorphic() default false;
}
