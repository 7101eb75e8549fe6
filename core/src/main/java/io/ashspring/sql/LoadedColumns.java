package io.ashspring.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.query.Query;
import io.ashspring.resource.model.CalculationModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * The aggregates and SQL calculations a query loads, in load order: they are selected right
 * after the attributes. Checks every load name: it must be a relationship, an aggregate or a
 * calculation of the resource.
 */
final class LoadedColumns {

    private LoadedColumns() {
    }

    static List<ComputedModel> of(ResourceModel resource, Query query) {
        if (query.loads().isEmpty()) {
            return List.of();
        }
        List<ComputedModel> columns = new ArrayList<>();
        query.loads().forEach((name, load) -> {
            if (resource.relationship(name).isPresent()) {
                return;
            }
            Optional<ComputedModel> computed = resource.computed(name);
            if (computed.isEmpty()) {
                throw new InvalidQueryException(resource.name(), name, "cannot be loaded: it is not a relationship, "
                        + "aggregate or calculation of " + resource.name() + " (loadable: " + loadable(resource) + ")");
            }
            if (!load.loads().isEmpty()) {
                throw new InvalidQueryException(resource.name(), name, "is not a relationship, so nothing can be loaded "
                        + "through it");
            }
            if (!(computed.get() instanceof CalculationModel calculation) || calculation.inSql()) {
                columns.add(computed.get());
            }
        });
        return columns;
    }

    private static String loadable(ResourceModel resource) {
        List<String> names = new ArrayList<>();
        resource.relationships().forEach(r -> names.add(r.name()));
        resource.computed().forEach(c -> names.add(c.name()));
        return names.isEmpty() ? "none" : names.stream().collect(Collectors.joining(", "));
    }
}
