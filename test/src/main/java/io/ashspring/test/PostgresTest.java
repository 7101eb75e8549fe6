package io.ashspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own fresh, empty PostgreSQL database.
 *
 * <p>The database is created before the class's first test and is shared by all tests of the
 * class and its {@code @Nested} classes. Inject it as a {@link TestDatabase} parameter into the
 * constructor, {@code @BeforeAll}, {@code @BeforeEach} or test methods. Spring tests of the class
 * get {@code spring.datasource.url}, {@code spring.datasource.username} and
 * {@code spring.datasource.password} pointing at it.
 *
 * <p>Where the server comes from is described on {@link TestDatabases}.
 *
 * <pre>{@code
 * @PostgresTest(extensions = "citext")
 * class CustomerTests {
 *     @Test
 *     void storesCustomers(TestDatabase db) throws SQLException {
 *         try (Connection c = db.dataSource().getConnection()) { ... }
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {

    /**
     * PostgreSQL extensions to create in the fresh database with
     * {@code CREATE EXTENSION IF NOT EXISTS}, for example {@code "citext"} or {@code "pg_trgm"}.
     * Names may contain lowercase letters, digits, {@code _} and {@code -}.
     *
     * @return the extension names, empty by default
     */
    String[] extensions() default {};
}
