package io.ashspring.repository;

import java.util.Optional;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.util.ClassUtils;

import io.ashspring.resource.model.ResourceModel;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;

/**
 * Creates code-interface repositories: Spring Data's repository machinery, with the resource's
 * service behind the base methods and a query per declared method. The repository's resource and
 * key type are checked, and every declared method resolved, when the repository is created.
 */
public class AshRepositoryFactory extends RepositoryFactorySupport {

    private final AshRuntime runtime;

    public AshRepositoryFactory(AshRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        return information(metadata.getDomainType());
    }

    private <T> AshEntityInformation<T, Object> information(Class<T> type) {
        return new AshEntityInformation<>(runtime.service(type), type);
    }

    @Override
    protected void validate(RepositoryMetadata metadata) {
        Class<?> repository = metadata.getRepositoryInterface();
        Class<?> type = metadata.getDomainType();
        if (runtime.registry().find(type).isEmpty()) {
            throw new IllegalStateException(repository.getSimpleName() + ": " + type.getName() + " is not a resource. "
                    + "Fix: annotate it with @Resource, in a package the application scans (ash.resources.packages)");
        }
        ResourceModel resource = runtime.service(type).resource();
        Class<?> keyType = AshEntityInformation.keyType(resource);
        if (!ClassUtils.isAssignable(metadata.getIdType(), keyType)) {
            throw new IllegalStateException(repository.getSimpleName() + ": the key type is "
                    + metadata.getIdType().getSimpleName() + " but the primary key of " + resource.name() + " is a "
                    + keyType.getSimpleName() + ". Fix: declare AshRepository<" + type.getSimpleName() + ", "
                    + keyType.getSimpleName() + ">");
        }
        super.validate(metadata);
    }

    @Override
    protected Object getTargetRepository(RepositoryInformation information) {
        return new SimpleAshRepository<>(runtime.service(information.getDomainType()));
    }

    @Override
    protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
        return SimpleAshRepository.class;
    }

    @Override
    protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.Key key,
                                                                   ValueExpressionDelegate expressions) {
        return Optional.of((method, metadata, projections, namedQueries) -> {
            QueryMethod queryMethod = new QueryMethod(method, metadata, projections);
            ResourceService<?> service = runtime.service(metadata.getDomainType());
            if (method.isAnnotationPresent(Action.class)) {
                return new ActionQuery(queryMethod, method, service, AshEntityInformation.keyType(service.resource()));
            }
            return new DerivedQuery(queryMethod, method, service);
        });
    }
}
