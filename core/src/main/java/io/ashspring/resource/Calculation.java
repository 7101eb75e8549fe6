package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component computed from the record's own fields: either in SQL from an expression in
 * the text syntax ({@code @Calculation("subject || ' (' || status || ')'")}, with
 * {@code ^arg(name)} arguments and {@code fragment("? / ?", wins, totalGames)}), usable in filters
 * and sorts; or in Java after the record is read ({@code @Calculation(java = FullName.class)}).
 * It is {@code null} until loaded ({@code Query.load("label")}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Calculation {

    /** The expression computed in SQL (text syntax); leave empty for a Java calculation. */
    String value() default "";

    /** The Java computation, run on the loaded record; needs a public no-argument constructor. */
    @SuppressWarnings("rawtypes")
    Class<? extends Computation> java() default Computation.class;

    /** Whether untrusted input (HTTP filters and sorts) may reach it. */
    boolean isPublic() default true;
}
