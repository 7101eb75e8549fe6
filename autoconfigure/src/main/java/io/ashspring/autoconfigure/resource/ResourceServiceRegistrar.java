package io.ashspring.autoconfigure.resource;

import java.util.List;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;

/**
 * Scans for resources once, registers their classes as a {@link ResourceTypes} bean, and registers
 * one {@code ResourceService<T>} bean per resource, typed so that it can be injected by its generic
 * type. A resource whose {@code ResourceService<T>} the application defines itself gets none.
 */
public final class ResourceServiceRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware,
        ResourceLoaderAware, Ordered {

    /** Name of the {@link ResourceTypes} bean. */
    public static final String RESOURCE_TYPES_BEAN = "ashResourceTypes";

    private Environment environment;
    private ResourceLoader resourceLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public int getOrder() {
        // after configuration classes have registered the application's own beans
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        List<String> packages = packages((BeanFactory) registry);
        List<Class<?>> types = new ResourceScanner(environment, resourceLoader).scan(packages);
        if (!registry.containsBeanDefinition(RESOURCE_TYPES_BEAN)) {
            RootBeanDefinition definition = new RootBeanDefinition(ResourceTypes.class, () -> new ResourceTypes(types));
            registry.registerBeanDefinition(RESOURCE_TYPES_BEAN, definition);
        }
        ListableBeanFactory beans = (ListableBeanFactory) registry;
        for (Class<?> type : types) {
            registerService(registry, beans, type);
        }
    }

    private <T> void registerService(BeanDefinitionRegistry registry, ListableBeanFactory beans, Class<T> type) {
        ResolvableType serviceType = ResolvableType.forClassWithGenerics(ResourceService.class, type);
        if (beans.getBeanNamesForType(serviceType, true, false).length > 0) {
            return; // the application defines its own
        }
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(serviceType);
        definition.setInstanceSupplier(() -> ((BeanFactory) registry).getBean(AshRuntime.class).service(type));
        String name = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1) + "Service";
        if (registry.containsBeanDefinition(name)) {
            name = type.getName() + ".service";
        }
        registry.registerBeanDefinition(name, definition);
    }

    private List<String> packages(BeanFactory beanFactory) {
        List<String> configured = Binder.get(environment).bind("ash.resources.packages", Bindable.listOf(String.class))
                .orElse(List.of());
        if (!configured.isEmpty()) {
            return configured;
        }
        if (AutoConfigurationPackages.has(beanFactory)) {
            return AutoConfigurationPackages.get(beanFactory);
        }
        return List.of();
    }
}
