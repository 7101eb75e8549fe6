package io.ashspring.autoconfigure.repository;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Import;

import io.ashspring.autoconfigure.AshAutoConfiguration;
import io.ashspring.repository.AshRepository;
import io.ashspring.repository.AshRepositoryFactoryBean;
import io.ashspring.repository.EnableAshRepositories;

/**
 * Registers the application's code-interface repositories (interfaces extending
 * {@link AshRepository} in the application's packages), as {@link EnableAshRepositories} would.
 * Backs off when the application enables them itself, or with {@code ash.repositories.enabled=false}.
 */
@AutoConfiguration(after = AshAutoConfiguration.class)
@ConditionalOnClass(AshRepository.class)
@ConditionalOnMissingBean(AshRepositoryFactoryBean.class)
@ConditionalOnBooleanProperty(name = "ash.repositories.enabled", matchIfMissing = true)
@Import(AshRepositoriesRegistrar.class)
public class AshRepositoriesAutoConfiguration {
}
