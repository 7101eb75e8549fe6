package io.ashspring.autoconfigure.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the startup migration mode ({@code ash.migrations.mode}, or its default chosen by whether a
 * master changelog exists) is one of the given ones.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnMigrationModeCondition.class)
public @interface ConditionalOnMigrationMode {

    /**
     * The modes that match.
     * @return the modes
     */
    MigrationMode[] value();
}
