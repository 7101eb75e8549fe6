package io.ashspring.test;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest(extensions = "citext")
class PostgresTestAnnotationTests {

    private static TestDatabase fromBeforeAll;

    private static int tablesAtStart;

    private final TestDatabase fromConstructor;

    private TestDatabase fromBeforeEach;

    PostgresTestAnnotationTests(TestDatabase database) {
        this.fromConstructor = database;
    }

    @BeforeAll
    static void rememberDatabase(TestDatabase database) {
        fromBeforeAll = database;
        // Counted before any test runs: tests may run concurrently and create tables.
        tablesAtStart = Jdbc.tableCount(database.dataSource());
    }

    @BeforeEach
    void rememberDatabaseAgain(TestDatabase database) {
        fromBeforeEach = database;
    }

    @Test
    void constructorLifecycleMethodsAndTestsGetTheSameDatabase(TestDatabase database) {
        assertThat(database).isSameAs(fromConstructor).isSameAs(fromBeforeAll).isSameAs(fromBeforeEach);
    }

    @Test
    void theDatabaseIsAFreshCloneNamedByUs(TestDatabase database) {
        assertThat(database.databaseName()).matches("ash_t_[a-z0-9]+");
        assertThat(database.jdbcUrl()).contains("/" + database.databaseName());
        assertThat(Jdbc.queryString(database.dataSource(), "SELECT current_database()")).isEqualTo(database.databaseName());
        assertThat(tablesAtStart).isZero();
    }

    @Test
    void theDatabaseIsUsable(TestDatabase database) {
        Jdbc.execute(database.dataSource(), "CREATE TABLE IF NOT EXISTS usable (id bigint PRIMARY KEY, name citext)");
        Jdbc.execute(database.dataSource(), "INSERT INTO usable VALUES (1, 'Ash') ON CONFLICT DO NOTHING");
        assertThat(Jdbc.queryString(database.dataSource(), "SELECT name FROM usable WHERE name = 'ASH'")).isEqualTo("Ash");
    }

    @Test
    void theAnnotatedExtensionsAreCreated(TestDatabase database) {
        assertThat(Jdbc.hasExtension(database.dataSource(), "citext")).isTrue();
        assertThat(Jdbc.hasExtension(database.dataSource(), "pg_trgm")).isFalse();
    }

    @Test
    void theDatabaseComesFromTheExpectedSourceAndReportsTheServerVersion(TestDatabase database) {
        assertThat(database.source()).isIn(Jdbc.expectedSources());
        assertThat(database.serverVersionNum())
            .isEqualTo(Integer.parseInt(Jdbc.queryString(database.dataSource(), "SHOW server_version_num")));
        if (database.source() != TestDatabase.Source.EXTERNAL) {
            assertThat(database.serverVersionNum() / 10000).isEqualTo(18);
        }
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheDatabaseOfTheEnclosingClass(TestDatabase database) {
            assertThat(database).isSameAs(fromBeforeAll);
        }
    }
}
