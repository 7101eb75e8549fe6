package io.ashspring.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs scenario classes (static nested, so neither Maven nor JUnit run them on their own) through
 * the JUnit test kit and compares the databases they saw.
 */
class SeparateTestClassesTests {

    static final Map<Class<?>, TestDatabase> SEEN = new ConcurrentHashMap<>();

    @Test
    void twoTestClassesGetDifferentEmptyDatabasesAndTablesDoNotLeakBetweenThem() {
        run(FirstScenario.class, SecondScenario.class);

        TestDatabase first = SEEN.get(FirstScenario.class);
        TestDatabase second = SEEN.get(SecondScenario.class);
        assertThat(first.databaseName()).isNotEqualTo(second.databaseName());
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        // Both scenarios created a table called "scenario" in an empty database; each sees only its own row.
        assertThat(Jdbc.queryString(first.dataSource(), "SELECT name FROM scenario")).isEqualTo("first");
        assertThat(Jdbc.queryString(second.dataSource(), "SELECT name FROM scenario")).isEqualTo("second");
    }

    @Test
    void subclassesOfAnAnnotatedClassEachGetTheirOwnDatabase() {
        run(FirstSubclassScenario.class, SecondSubclassScenario.class);

        assertThat(SEEN.get(FirstSubclassScenario.class).databaseName())
            .isNotEqualTo(SEEN.get(SecondSubclassScenario.class).databaseName());
        assertThat(Jdbc.hasExtension(SEEN.get(FirstSubclassScenario.class).dataSource(), "pg_trgm")).isTrue();
    }

    private static void run(Class<?>... classes) {
        Events tests = EngineTestKit.engine("junit-jupiter")
            .selectors(List.of(classes).stream().map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
            .execute()
            .testEvents();
        tests.assertStatistics(stats -> stats.started(classes.length).succeeded(classes.length));
    }

    static void createOwnTable(TestDatabase database, String name) {
        assertThat(Jdbc.tableCount(database.dataSource())).isZero();
        Jdbc.execute(database.dataSource(), "CREATE TABLE scenario (name text)");
        Jdbc.execute(database.dataSource(), "INSERT INTO scenario VALUES ('" + name + "')");
    }

    @PostgresTest
    static class FirstScenario {

        @Test
        void createsATable(TestDatabase database) {
            SEEN.put(getClass(), database);
            createOwnTable(database, "first");
        }
    }

    @PostgresTest
    static class SecondScenario {

        @Test
        void createsATable(TestDatabase database) {
            SEEN.put(getClass(), database);
            createOwnTable(database, "second");
        }
    }

    @PostgresTest(extensions = "pg_trgm")
    abstract static class AnnotatedBaseScenario {

        @Test
        void recordsItsDatabase(TestDatabase database) {
            SEEN.put(getClass(), database);
            assertThat(Jdbc.hasExtension(database.dataSource(), "pg_trgm")).isTrue();
        }
    }

    static class FirstSubclassScenario extends AnnotatedBaseScenario {
    }

    static class SecondSubclassScenario extends AnnotatedBaseScenario {
    }
}
