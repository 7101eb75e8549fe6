package io.ashspring;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of {@code core}, checked on its compiled classes (not the tests, not {@code ash-test}):
 * the packages form no cycle, Spring Boot is never used, and JDBC stays in the packages that talk to the database
 * (SQL text itself is written only by {@code sql} and, for DDL, {@code migrate.liquibase}).
 */
class ArchitectureTests {

    /** Core's own classes, as Maven compiled them (the tests run in the module's folder). */
    static final JavaClasses CORE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void thePackagesOfCoreDependOnEachOtherWithoutCycles() {
        slices().matching("io.ashspring.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /**
     * Subpackages too ({@code migrate.diff}, {@code migrate.operation}, ...). The one dependency left out: the model
     * uses the vocabulary ({@code OnDelete}, {@code KeyGeneration}, {@code AggregateKind}, {@code Names}) declared
     * in {@code resource} next to the annotations applications write, while {@code resource} builds the model.
     */
    @Test
    void theSubpackagesOfCoreDependOnEachOtherWithoutCycles() {
        slices().matching("io.ashspring.(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("io.ashspring.resource.model"), resideInAPackage("io.ashspring.resource"))
                .check(CORE);
    }

    @Test
    void coreNeverUsesSpringBoot() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..")
                .because("core runs without Spring Boot; auto-configuration lives in ash-spring-boot-autoconfigure")
                .check(CORE);
    }

    @Test
    void jdbcIsUsedOnlyWhereTheDatabaseIsTalkedTo() {
        noClasses().that().resideOutsideOfPackages("io.ashspring.runtime..", "io.ashspring.sql..", "io.ashspring.migrate..",
                        "io.ashspring.type..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
                .because("statements run in runtime (SQL from sql), migrations in migrate; type binds values to JDBC")
                .check(CORE);
    }
}
