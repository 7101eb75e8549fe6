package io.ashspring.repository;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;

import io.ashspring.resource.Resource;

/**
 * Tells Spring Data which interfaces are Ash repositories (those extending {@link AshRepository},
 * or whose record type is a {@link Resource}) and which factory bean creates them.
 */
public class AshRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

    @Override
    public String getModuleName() {
        return "Ash";
    }

    @Override
    protected String getModulePrefix() {
        return "ash";
    }

    @Override
    public String getRepositoryFactoryBeanClassName() {
        return AshRepositoryFactoryBean.class.getName();
    }

    @Override
    protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
        return List.of(Resource.class);
    }

    @Override
    protected Collection<Class<?>> getIdentifyingTypes() {
        return List.of(AshRepository.class);
    }
}
