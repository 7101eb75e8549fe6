package io.ashspring.autoconfigure.resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import io.ashspring.resource.Resource;

/**
 * Finds the {@code @Resource} records in the given packages, the way Spring finds components.
 */
public final class ResourceScanner {

    private final Environment environment;
    private final ResourceLoader resourceLoader;

    /**
     * @param environment for placeholders in package names
     * @param resourceLoader the loader whose class loader loads the found classes
     */
    public ResourceScanner(Environment environment, ResourceLoader resourceLoader) {
        this.environment = environment;
        this.resourceLoader = resourceLoader;
    }

    /** The resource classes in these packages and below, in a stable order. */
    public List<Class<?>> scan(List<String> packages) {
        ClassPathScanningCandidateComponentProvider provider = new ClassPathScanningCandidateComponentProvider(false, environment) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                // records are top-level or static nested, and independent: accept nested ones too
                return definition.getMetadata().isIndependent();
            }
        };
        provider.setResourceLoader(resourceLoader);
        provider.addIncludeFilter(new AnnotationTypeFilter(Resource.class));
        Set<String> names = new LinkedHashSet<>();
        for (String basePackage : packages) {
            for (BeanDefinition candidate : provider.findCandidateComponents(basePackage)) {
                names.add(candidate.getBeanClassName());
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            types.add(ClassUtils.resolveClassName(name, resourceLoader.getClassLoader()));
        }
        return types;
    }
}
