package io.ashspring.repository;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.PartTree;

import io.ashspring.expr.Expr;
import io.ashspring.query.Query;
import io.ashspring.runtime.ResourceService;

/**
 * A repository method whose query comes from its name ({@code findByStatusOrderByInsertedAtDesc},
 * {@code countByStatus}, {@code existsBySubject}, {@code findFirst10ByPriorityGreaterThan},
 * {@code findAllBy(ScrollPosition, Limit)}), run through the resource's service. What it returns
 * follows the method's declared type: a list or set, a single record (or {@code Optional}), a
 * {@code Page}, {@code Slice}, {@code Window} or {@code Stream}, a count or a boolean.
 */
final class DerivedQuery implements RepositoryQuery {

    private final QueryMethod method;
    private final PartTree tree;
    private final DerivedCriteria criteria;
    private final ResourceService<Object> service;
    private final Method javaMethod;

    @SuppressWarnings("unchecked")
    DerivedQuery(QueryMethod method, Method javaMethod, ResourceService<?> service) {
        this.method = method;
        this.javaMethod = javaMethod;
        this.service = (ResourceService<Object>) service;
        this.tree = new PartTree(javaMethod.getName(), method.getEntityInformation().getJavaType());
        this.criteria = DerivedCriteria.of(tree, service.resource(), javaMethod);
        if (tree.isDelete()) {
            throw new IllegalStateException(name() + ": derived deletes are not supported; destroy through the "
                    + "service (destroy, or a destroy action) so that each record's rules run");
        }
        if (method.isScrollQuery() && !method.getParameters().hasScrollPositionParameter()) {
            throw new IllegalStateException(name() + ": a method returning a Window takes a ScrollPosition parameter");
        }
    }

    @Override
    public QueryMethod getQueryMethod() {
        return method;
    }

    @Override
    public Object execute(Object[] parameters) {
        ParametersParameterAccessor arguments = new ParametersParameterAccessor(method.getParameters(), parameters);
        Query query = Query.all();
        Expr filter = criteria.filter(arguments.iterator());
        if (filter != null) {
            query = query.filter(filter);
        }
        if (tree.isCountProjection()) {
            return service.count(query);
        }
        if (tree.isExistsProjection()) {
            return !service.read(query.select().limit(1)).isEmpty();
        }
        query = query.sort(tree.getSort());
        Sort sort = arguments.getSort();
        if (sort.isSorted() && !method.getParameters().hasPageableParameter()) {
            query = query.sort(sort);
        }
        Integer limit = limit(arguments.getLimit());
        if (limit != null) {
            query = query.limit(limit);
        }
        if (method.isScrollQuery()) {
            ScrollPosition position = arguments.getScrollPosition();
            return service.scroll(query, position == null ? ScrollPosition.keyset() : position);
        }
        Pageable pageable = arguments.getPageable();
        if (method.isPageQuery()) {
            return service.page(query, pageable);
        }
        if (method.isSliceQuery()) {
            return service.slice(query, pageable);
        }
        if (pageable.isPaged()) {
            query = query.page(pageable);
        }
        if (method.isStreamQuery()) {
            return service.stream(query);
        }
        if (method.isCollectionQuery()) {
            List<Object> records = service.read(query);
            return Set.class.isAssignableFrom(javaMethod.getReturnType()) ? new LinkedHashSet<>(records) : records;
        }
        return SingleResult.of(name(), service.resource().name(), service.read(limit == null ? query.limit(2) : query));
    }

    /** The smaller of the name's limit ({@code findFirst10By}) and a {@link Limit} argument, if any. */
    private Integer limit(Limit argument) {
        Integer fromName = tree.isLimiting() ? tree.getMaxResults() : null;
        Integer given = argument != null && argument.isLimited() ? argument.max() : null;
        if (fromName == null) {
            return given;
        }
        return given == null ? fromName : Math.min(fromName, given);
    }

    private String name() {
        return javaMethod.getDeclaringClass().getSimpleName() + "." + javaMethod.getName();
    }

}
