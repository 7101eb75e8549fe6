package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PostgreSQL extensions the database needs for this resource ({@code pg_trgm} for a trigram index,
 * {@code btree_gist}, {@code ltree}, {@code vector}...). Migrations install them first. Extensions
 * implied by a column type ({@code citext}) or an operator class ({@code gin_trgm_ops}) are found
 * without this; extensions every resource needs can also come from configuration
 * ({@code ash.extensions}).
 *
 * <pre>{@code @Extensions("pg_trgm")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Extensions {

    /** Extension names, e.g. {@code "pg_trgm"}, {@code "uuid-ossp"}. */
    String[] value();
}
