package io.ashspring.sample.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * Turns the {@code sort}, {@code page} and {@code size} request parameters into a query's sort
 * and page (or window size), accepting only what an HTTP client may ask for. Anything else is an
 * {@link InvalidQueryException}, which the starter answers with a 400 problem naming the field.
 */
final class ListParameters {

    static final int MAX_PAGE_SIZE = 100;

    private ListParameters() {
    }

    /**
     * The sort keys ({@code "-insertedAt"}, {@code "priority"}), each naming a public attribute,
     * followed by the primary key so that pages are stable.
     */
    static SortKey[] sort(ResourceModel resource, List<String> keys) {
        List<SortKey> sort = new ArrayList<>();
        for (String text : keys) {
            if (text.isBlank()) {
                continue;
            }
            SortKey key = SortKey.parse(text);
            boolean sortable = resource.attribute(key.attribute()).map(AttributeModel::isPublic).orElse(false);
            if (!sortable) {
                throw new InvalidQueryException(resource.name(), key.attribute(),
                        "cannot be sorted on (sort on one of: " + publicAttributes(resource) + ")");
            }
            sort.add(key);
        }
        for (AttributeModel key : resource.primaryKey()) {
            if (sort.stream().noneMatch(k -> k.attribute().equals(key.name()))) {
                sort.add(SortKey.parse(key.name()));
            }
        }
        return sort.toArray(SortKey[]::new);
    }

    /** Page {@code page} (from 0) of {@code size} records (1 to {@value #MAX_PAGE_SIZE}). */
    static Pageable page(ResourceModel resource, int page, int size) {
        if (page < 0) {
            throw new InvalidQueryException(resource.name(), "page", "must not be negative");
        }
        return PageRequest.of(page, size(resource, size));
    }

    /** A page or window size, 1 to {@value #MAX_PAGE_SIZE}. */
    static int size(ResourceModel resource, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException(resource.name(), "size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }

    private static String publicAttributes(ResourceModel resource) {
        return resource.attributes().stream().filter(AttributeModel::isPublic).map(AttributeModel::name)
                .collect(Collectors.joining(", "));
    }
}
