package io.ashspring.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.data.repository.query.QueryLookupStrategy;

/**
 * Finds the {@link AshRepository} interfaces in the given packages (by default, this class's) and
 * registers an implementation of each. Spring Boot applications need not use it: the starter
 * does the same for the application's packages. Use it to look elsewhere, or without Boot.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(AshRepositoriesRegistrar.class)
public @interface EnableAshRepositories {

    /** Alias of {@link #basePackages()}. */
    String[] value() default {};

    /** The packages to look for repositories in. */
    String[] basePackages() default {};

    /** Classes whose packages to look in (type-safe {@link #basePackages()}). */
    Class<?>[] basePackageClasses() default {};

    /** Only interfaces these filters accept. */
    Filter[] includeFilters() default {};

    /** Not the interfaces these filters accept. */
    Filter[] excludeFilters() default {};

    /** The suffix of custom implementation fragments ({@code TicketRepositoryImpl}). */
    String repositoryImplementationPostfix() default "Impl";

    /** Where named queries are looked up; Ash has none, kept for Spring Data's configuration. */
    String namedQueriesLocation() default "";

    /** How query methods are looked up; Ash always derives them or binds them to actions. */
    QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

    /** The factory bean that creates each repository. */
    Class<?> repositoryFactoryBeanClass() default AshRepositoryFactoryBean.class;

    /** The class implementing the base methods. */
    Class<?> repositoryBaseClass() default SimpleAshRepository.class;

    /** Whether interfaces nested in other classes count. */
    boolean considerNestedRepositories() default false;

    /** When the repositories are created: {@code DEFAULT} (at startup, so that errors are startup errors). */
    BootstrapMode bootstrapMode() default BootstrapMode.DEFAULT;

    /** How bean names are made. */
    Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;
}
