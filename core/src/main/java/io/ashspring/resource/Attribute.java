package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options of an attribute. Every record component that is not a relationship is an attribute, with
 * or without this annotation; the annotation only changes the defaults.
 *
 * <p>Constraints ({@link #minLength()}, {@link #maxLength()}, {@link #match()}, {@link #min()},
 * {@link #max()}, {@link #oneOf()}) are checked in Java before any SQL runs, and reported as field
 * errors of an {@code InvalidException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Attribute {

    /** The column; defaults to the snake_case component name ({@code insertedAt} → {@code inserted_at}). */
    String column() default "";

    /** {@code false}: the attribute is required ({@code NOT NULL}). */
    boolean allowNil() default true;

    /** {@code false}: the attribute cannot be set by create or update input (it comes from a default). */
    boolean writable() default true;

    /** {@code false}: the attribute is private: untrusted input (HTTP filters, sorts) cannot reach it. */
    boolean isPublic() default true;

    /** {@code true}: the value is redacted from logs, error messages and {@code Resources.describe}. */
    boolean sensitive() default false;

    /**
     * A literal default used when create input leaves the attribute out, written as text and
     * converted to the attribute's type ({@code "open"}, {@code "0"}, {@code "true"}). Also becomes
     * the column default in migrations.
     */
    String defaultValue() default "";

    /**
     * A column default written verbatim into migrations ({@code "now()"}); the value is produced by
     * PostgreSQL and read back through {@code RETURNING}.
     */
    String sqlDefault() default "";

    /** Overrides the column type in migrations, e.g. {@code "varchar(16)"} or {@code "numeric(12,4)"}. */
    String columnType() default "";

    /** Store a {@code String} as {@code citext} (case-insensitive; needs the citext extension). */
    boolean citext() default false;

    /** Store a {@code String} as {@code varchar(n)}; also the maximum length checked in Java. */
    int varchar() default -1;

    /** Minimum length of a string (or size of a list). */
    int minLength() default -1;

    /** Maximum length of a string (or size of a list). */
    int maxLength() default -1;

    /** A regular expression the whole string must match. */
    String match() default "";

    /** Smallest allowed number, as text ({@code "0"}, {@code "0.01"}). */
    String min() default "";

    /** Largest allowed number, as text. */
    String max() default "";

    /** The allowed values, as text (for strings; enums are constrained by their constants). */
    String[] oneOf() default {};

    /** Precision of a {@code BigDecimal} ({@code numeric(precision, scale)}). */
    int precision() default -1;

    /** Scale of a {@code BigDecimal}. */
    int scale() default -1;
}
