package io.ashspring.autoconfigure.repository;

import java.lang.annotation.Annotation;

import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

import io.ashspring.repository.AshRepositoryConfigurationExtension;
import io.ashspring.repository.EnableAshRepositories;

/** Looks for repositories in the application's auto-configuration packages. */
class AshRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableAshRepositories.class;
    }

    @Override
    protected Class<?> getConfiguration() {
        return EnableAshRepositoriesConfiguration.class;
    }

    @Override
    protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
        return new AshRepositoryConfigurationExtension();
    }

    @EnableAshRepositories
    private static final class EnableAshRepositoriesConfiguration {
    }
}
