package io.ashspring.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that gives each test class a fresh PostgreSQL database and injects it
 * as a {@link TestDatabase} parameter.
 *
 * <p>Usually applied through {@link PostgresTest}. It can also be registered programmatically:
 *
 * <pre>{@code
 * class RepositoryTests {
 *     @RegisterExtension
 *     static PostgresExtension pg = new PostgresExtension("citext");
 *
 *     @Test
 *     void works() {
 *         DataSource dataSource = pg.database().dataSource();
 *     }
 * }
 * }</pre>
 *
 * <p>The database is kept in the {@link ExtensionContext.Store} of the test class, so
 * {@code @Nested} classes share the database of their enclosing class, while subclasses of an
 * annotated class each get their own. Use either {@link PostgresTest} or a registered instance on a
 * class, not both, if you inject {@link TestDatabase} parameters: two registered resolvers for
 * the same parameter type make JUnit fail.
 */
public class PostgresExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);
    private static final String ENTRY_KEY = "database";

    private final List<String> extensions;
    // Set by the callbacks, for database(); with @RegisterExtension on a static field it is the class's database.
    private volatile TestDatabase database;

    /** Creates the extension with no PostgreSQL extensions besides those of {@link PostgresTest}. */
    public PostgresExtension() {
        this.extensions = List.of();
    }

    /**
     * Creates the extension, asking for PostgreSQL extensions in addition to those of
     * {@link PostgresTest#extensions()}.
     *
     * @param extensions names for {@code CREATE EXTENSION IF NOT EXISTS}, such as {@code "citext"}
     */
    public PostgresExtension(String... extensions) {
        this.extensions = Identifiers.extensions(Arrays.asList(extensions));
    }

    /**
     * The database of the test class this extension last served. Available from the class's
     * {@code @BeforeAll} methods on when registered on a static field, from {@code @BeforeEach} on
     * when registered on an instance field.
     *
     * @return the test class's database
     * @throws IllegalStateException if JUnit has not yet run this extension's callbacks
     */
    public TestDatabase database() {
        TestDatabase current = database;
        if (current == null) {
            throw new IllegalStateException("No database yet: register the PostgresExtension with @RegisterExtension"
                    + " and call database() from a lifecycle or test method, not from an initializer");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = databaseFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Covers registration on an instance field, where beforeAll is never called.
        database = databaseFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public TestDatabase resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // With @TestInstance(PER_CLASS) the constructor runs before beforeAll, so create on demand here too.
        return databaseFor(extensionContext);
    }

    private TestDatabase databaseFor(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        // The store also looks in the enclosing class's context, so @Nested classes find its entry.
        ClassDatabases.Entry entry = classContext.getStore(NAMESPACE)
                .computeIfAbsent(ENTRY_KEY, key -> ClassDatabases.entry(testClass), ClassDatabases.Entry.class);
        List<String> wanted = new ArrayList<>(ClassDatabases.annotatedExtensions(testClass));
        wanted.addAll(extensions);
        return entry.ensureExtensions(wanted);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
