package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index beyond those made for identities and references.
 *
 * <pre>{@code
 * @CustomIndex(fields = {"status", "insertedAt"}, where = "status = 'open'")
 * @CustomIndex(fields = "name gin_trgm_ops", name = "reps_name_trgm_index", using = "gin")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(CustomIndexes.class)
public @interface CustomIndex {

    /**
     * Attribute names, optionally followed by {@code asc}/{@code desc} or an operator class
     * ({@code "insertedAt desc"}), or SQL expressions ({@code "lower(email)"}; then {@link #name()}
     * is required).
     */
    String[] fields();

    /** The index name; defaults to {@code <table>_<columns>_index}. */
    String name() default "";

    /** A unique index. */
    boolean unique() default false;

    /** SQL condition of a partial index. */
    String where() default "";

    /** The index method: btree (default), gin, gist, brin, hash, hnsw... */
    String using() default "";

    /** Attributes added as non-key columns ({@code INCLUDE}). */
    String[] include() default {};

    /** {@code false}: {@code NULLS NOT DISTINCT} (unique indexes, PostgreSQL 15+). */
    boolean nullsDistinct() default true;

    /** Build with {@code CREATE INDEX CONCURRENTLY} (in its own non-transactional migration). */
    boolean concurrently() default false;

    /** For unique indexes: the error message of a violation; defaults to "has already been taken". */
    String message() default "";
}
