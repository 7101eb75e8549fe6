package io.ashspring.repository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.Assert;

import io.ashspring.runtime.AshRuntime;

/**
 * The Spring bean behind each code-interface repository: creates it with an {@link AshRepositoryFactory}
 * over the application's {@link AshRuntime}.
 *
 * @param <R> the repository interface
 * @param <T> the resource's record type
 * @param <ID> its primary key type
 */
public class AshRepositoryFactoryBean<R extends Repository<T, ID>, T, ID> extends RepositoryFactoryBeanSupport<R, T, ID> {

    private AshRuntime runtime;

    public AshRepositoryFactoryBean(Class<? extends R> repositoryInterface) {
        super(repositoryInterface);
    }

    /** The runtime whose services the repository uses. */
    @Autowired
    public void setAshRuntime(AshRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected RepositoryFactorySupport createRepositoryFactory() {
        Assert.state(runtime != null, "AshRuntime must be set");
        return new AshRepositoryFactory(runtime);
    }
}
