package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database foreign key of a {@link BelongsTo} relationship. Only valid on belongs_to
 * relationships; without it the foreign key is created with the defaults below.
 *
 * <pre>{@code
 * @BelongsTo @Reference(onDelete = OnDelete.DELETE, name = "comments_to_tickets_fkey") Ref<Ticket, UUID> ticket
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Reference {

    /** What happens when the referenced row is deleted. */
    OnDelete onDelete() default OnDelete.NOTHING;

    /** With {@code onDelete = NILIFY}: only these attributes are set to null (PostgreSQL 15+). */
    String[] nilifyColumns() default {};

    /** What happens when the referenced key changes. */
    OnUpdate onUpdate() default OnUpdate.NOTHING;

    /** The constraint name; defaults to {@code <table>_<column>_fkey}. */
    String name() default "";

    /** Deferrability of the constraint. */
    Deferrable deferrable() default Deferrable.NO;

    /** Also create an index on the foreign-key column(s). */
    boolean index() default false;

    /** {@code false}: no foreign key is created at all (the relationship still works for loads). */
    boolean enabled() default true;

    /**
     * With {@link #index()}: makes the index partial, {@code "not nil"} (only rows that have a key) or
     * an SQL condition. Changing it changes only the index, never the foreign key.
     */
    String indexWhere() default "";

    /**
     * Makes the key composite (Ash's {@code match_with}): further attribute pairs matched after the
     * relationship's own key, each {@code "source=destination"} (an attribute of this resource, one of
     * the referenced resource) or a lone name present on both. The referenced attributes, with the
     * relationship's destination first, need a primary key or {@link Identity} on exactly them.
     *
     * <pre>{@code
     * @BelongsTo @Reference(matchWith = "organizationId", matchType = MatchType.FULL) Ref<Project, UUID> project
     * // FOREIGN KEY (project_id, organization_id) REFERENCES projects (id, organization_id) MATCH FULL
     * }</pre>
     */
    String[] matchWith() default {};

    /** How a composite key with some null columns is checked ({@code MATCH SIMPLE} or {@code MATCH FULL}). */
    MatchType matchType() default MatchType.SIMPLE;
}
