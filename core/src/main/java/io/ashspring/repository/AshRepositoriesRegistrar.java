package io.ashspring.repository;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/** Registers the repositories {@link EnableAshRepositories} finds. */
class AshRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableAshRepositories.class;
    }

    @Override
    protected RepositoryConfigurationExtension getExtension() {
        return new AshRepositoryConfigurationExtension();
    }
}
