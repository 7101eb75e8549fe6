package io.ashspring.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Many resource records of 10 attributes each, written as Java sources into a directory, compiled
 * there with the JDK's compiler against the running class path, and loaded with their own class
 * loader; so that the codegen benchmark reads real annotated records without the repository holding
 * a thousand generated files. Close it to release the class loader.
 *
 * <p>Resource {@code n} ({@code GeneratedN}, table {@code generated_n}) has: a {@code uuid} primary
 * key, a required text with a maximum length, an integer with a default, a {@code numeric(12, 2)}, a
 * boolean with a default, two enums stored as text, and two timestamps set on create and update. An
 * odd {@code n} belongs to {@code n - 1} (a {@code uuid} foreign key); an even one has a free text
 * instead and a unique identity on its name.
 */
final class GeneratedResources implements AutoCloseable {

    /** The package of the generated sources. */
    static final String PACKAGE = "io.ashspring.benchmarks.generated";

    /** The columns of each generated table. */
    static final int COLUMNS = 10;

    private final URLClassLoader loader;
    private final List<Class<?>> types;

    private GeneratedResources(URLClassLoader loader, List<Class<?>> types) {
        this.loader = loader;
        this.types = List.copyOf(types);
    }

    /**
     * Writes, compiles and loads {@code count} resources under {@code directory} (sources in
     * {@code src/}, classes in {@code classes/}).
     *
     * @throws IllegalStateException when the JVM has no compiler (a JRE) or the sources do not compile
     */
    static GeneratedResources compile(int count, Path directory) throws IOException {
        return compile(count, directory, "");
    }

    /**
     * {@link #compile(int, Path)} with an annotation on every record (one schema per tenant:
     * {@code @Multitenancy(strategy = Multitenancy.Strategy.CONTEXT)}).
     */
    static GeneratedResources compile(int count, Path directory, String annotation) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("The codegen benchmark compiles its resources at setup and needs a JDK, "
                    + "not a JRE: run it with the java of a JDK 17 or newer");
        }
        Path sources = directory.resolve("src").resolve(PACKAGE.replace('.', '/'));
        Path classes = directory.resolve("classes");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(sources.resolve("Stage.java"), enumSource("Stage", "DRAFT", "REVIEW", "PUBLISHED", "ARCHIVED"),
                StandardCharsets.UTF_8));
        files.add(Files.writeString(sources.resolve("Priority.java"), enumSource("Priority", "LOW", "NORMAL", "HIGH", "URGENT"),
                StandardCharsets.UTF_8));
        for (int n = 0; n < count; n++) {
            files.add(Files.writeString(sources.resolve(className(n) + ".java"), recordSource(n, annotation), StandardCharsets.UTF_8));
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            boolean compiled = compiler.getTask(diagnostics, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                throw new IllegalStateException("The generated resources under " + sources + " do not compile:\n" + diagnostics);
            }
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedResources.class.getClassLoader());
        List<Class<?>> types = new ArrayList<>(count);
        try {
            for (int n = 0; n < count; n++) {
                types.add(Class.forName(PACKAGE + "." + className(n), true, loader));
            }
        } catch (ClassNotFoundException e) {
            loader.close();
            throw new IllegalStateException("Compiled, but could not load " + e.getMessage() + " from " + classes, e);
        }
        return new GeneratedResources(loader, types);
    }

    /** The record classes, in order ({@code Generated0} first). */
    List<Class<?>> types() {
        return types;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(int n) {
        return "Generated" + n;
    }

    private static String enumSource(String name, String... constants) {
        return "package " + PACKAGE + ";\n\npublic enum " + name + " { " + String.join(", ", constants) + " }\n";
    }

    private static String recordSource(int n, String annotation) {
        boolean child = n % 2 == 1;
        String tenth = child
                ? "        @BelongsTo(allowNil = false) @Reference(onDelete = OnDelete.DELETE) Ref<" + className(n - 1) + ", UUID> parent,\n"
                : "        String notes,\n";
        return """
                package %1$s;

                import java.math.BigDecimal;
                import java.time.Instant;
                import java.util.UUID;

                import io.ashspring.resource.*;

                @Resource(table = "generated_%2$d")
                %6$s%3$spublic record %4$s(
                        @PrimaryKey UUID id,
                        @Attribute(allowNil = false, maxLength = 120) String name,
                        @Attribute(defaultValue = "0") Integer quantity,
                        @Attribute(precision = 12, scale = 2) BigDecimal price,
                        @Attribute(defaultValue = "true") Boolean active,
                        @Attribute(defaultValue = "draft") Stage stage,
                        Priority priority,
                %5$s        @CreateTimestamp Instant insertedAt,
                        @UpdateTimestamp Instant updatedAt) {
                }
                """.formatted(PACKAGE, n, child ? "" : "@Identity(name = \"unique_name\", keys = \"name\")\n", className(n), tenth,
                annotation.isEmpty() ? "" : annotation + "\n");
    }
}
