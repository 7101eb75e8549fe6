package io.ashspring.test;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The database of each test class, shared by the JUnit extension and the Spring context
 * customizer: whichever asks first creates it. Thread-safe.
 */
final class ClassDatabases {

    private static final ConcurrentMap<Class<?>, Entry> ENTRIES = new ConcurrentHashMap<>();

    private ClassDatabases() {
    }

    /** The entry of {@code testClass}; its database is created on first access. */
    static Entry entry(Class<?> testClass) {
        return ENTRIES.computeIfAbsent(testClass, Entry::new);
    }

    /**
     * The class whose database a test class uses: the outermost class carrying (directly, by
     * inheritance or as a meta-annotation) {@link PostgresTest} among the test class and the
     * classes enclosing it as {@code @Nested} (inner) classes. {@code null} if there is none.
     * This matches the JUnit extension, which gives {@code @Nested} classes the database of the
     * enclosing class.
     */
    static Class<?> owner(Class<?> testClass) {
        Class<?> owner = null;
        for (Class<?> type = testClass; type != null; type = enclosingOfInner(type)) {
            if (annotation(type).isPresent()) {
                owner = type;
            }
        }
        return owner;
    }

    /** The extensions that {@code testClass}'s {@link PostgresTest} asks for. */
    static List<String> annotatedExtensions(Class<?> testClass) {
        return annotation(testClass).map(a -> Arrays.asList(a.extensions())).orElse(List.of());
    }

    private static Optional<PostgresTest> annotation(Class<?> type) {
        return AnnotationSupport.findAnnotation(type, PostgresTest.class);
    }

    // Only inner (non-static member) classes can be @Nested; a static nested class is a separate test class.
    private static Class<?> enclosingOfInner(Class<?> type) {
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return type.getEnclosingClass();
        }
        return null;
    }

    /** One test class's database, created lazily, plus the extensions already installed in it. */
    static final class Entry {

        private final Class<?> testClass;
        private final Set<String> installedExtensions = new HashSet<>();
        private TestDatabase database;

        private Entry(Class<?> testClass) {
            this.testClass = testClass;
        }

        /** The database, created (with the class's annotated extensions) on first call. */
        synchronized TestDatabase database() {
            if (database == null) {
                List<String> extensions = annotatedExtensions(testClass);
                database = DatabaseFactory.shared().create(extensions);
                installedExtensions.addAll(extensions);
            }
            return database;
        }

        /** Creates the extensions not yet installed in the database. */
        synchronized TestDatabase ensureExtensions(Collection<String> extensions) {
            TestDatabase current = database();
            List<String> missing = extensions.stream().filter(e -> !installedExtensions.contains(e)).toList();
            if (!missing.isEmpty()) {
                DatabaseFactory.shared().installExtensions(current, missing);
                installedExtensions.addAll(missing);
            }
            return current;
        }

        @Override
        public String toString() {
            return "ClassDatabases.Entry[" + testClass.getName() + "]";
        }
    }
}
