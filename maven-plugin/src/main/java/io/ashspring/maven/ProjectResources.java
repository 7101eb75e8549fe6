package io.ashspring.maven;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.ashspring.resource.Resource;

/**
 * Finds a project's resources the way the starter does: the {@code @Resource} records in the
 * configured packages or, by default, in the package of the {@code @SpringBootApplication} class
 * and below. Classes are loaded from the project's compile class path without being initialised.
 */
final class ProjectResources {

    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

    private ProjectResources() {
    }

    /** A class loader over the project's compiled classes and dependencies (parent first: Ash's own classes are shared). */
    static URLClassLoader classLoader(List<String> classpathElements, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String element : classpathElements) {
            try {
                urls.add(Path.of(element).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Bad class path element " + element, e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * The resource classes under the output directory.
     *
     * @param packages packages to look in; empty: the {@code @SpringBootApplication} class's package, or all
     */
    static List<Class<?>> find(Path classesDirectory, ClassLoader loader, List<String> packages) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        if (!Files.isDirectory(classesDirectory)) {
            return classes;
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classesDirectory.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class whose dependencies are not on the compile class path cannot be a resource we can read
                }
            }
        }
        List<String> roots = packages.isEmpty() ? applicationPackages(classes) : packages;
        return classes.stream()
                .filter(c -> c.isAnnotationPresent(Resource.class))
                .filter(c -> roots.isEmpty() || roots.stream().anyMatch(p -> inPackage(c, p)))
                .toList();
    }

    private static List<String> applicationPackages(List<Class<?>> classes) {
        List<String> packages = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Annotation annotation : type.getAnnotations()) {
                if (annotation.annotationType().getName().equals(SPRING_BOOT_APPLICATION)) {
                    packages.add(type.getPackageName());
                }
            }
        }
        return packages;
    }

    private static boolean inPackage(Class<?> type, String pkg) {
        String name = type.getPackageName();
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }
}
