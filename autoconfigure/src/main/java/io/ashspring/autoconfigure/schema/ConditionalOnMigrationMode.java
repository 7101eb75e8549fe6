package io.ashspring.autoconfigure.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the startup migration mode ({@code ash.migrations.mode}, or its default chosen by whether a
 * master changelog exists) is the given one.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnMigrationModeCondition.class)
public @interface ConditionalOnMigrationMode {

    /**
     * The mode that matches.
     * @return the mode
     */
    MigrationMode value();
}
