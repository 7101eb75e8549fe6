package io.ashspring.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.resource.model.ResourceModel;

/**
 * Nests bracketed query-string parameters: {@code filter[priority][gt]=3} and
 * {@code filter[status]=open} become {@code {priority: {gt: "3"}, status: "open"}}. A key that is
 * not of the form {@code filter[a][b]...}, or that is given both as a value and as a map, is
 * rejected naming the parameter.
 */
final class ParameterTree {

    private ParameterTree() {
    }

    static Map<String, Object> nest(ResourceModel resource, Map<String, ?> parameters, String root) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : parameters.entrySet()) {
            String key = entry.getKey();
            if (key == null || !key.equals(root) && !key.startsWith(root + "[")) {
                continue;
            }
            List<String> path = segments(resource, key, root);
            put(resource, tree, path, value(entry.getValue()), key);
        }
        return tree;
    }

    /** {@code filter[a][b]} → {@code [a, b]}. */
    private static List<String> segments(ResourceModel resource, String key, String root) {
        List<String> segments = new ArrayList<>();
        int i = root.length();
        while (i < key.length()) {
            int close = key.indexOf(']', i);
            if (key.charAt(i) != '[' || close < 0 || key.indexOf('[', i + 1) >= 0 && key.indexOf('[', i + 1) < close) {
                throw invalid(resource, key);
            }
            String segment = key.substring(i + 1, close);
            if (segment.isEmpty()) {
                throw invalid(resource, key);
            }
            segments.add(segment);
            i = close + 1;
        }
        if (segments.isEmpty()) {
            throw invalid(resource, key);
        }
        if (segments.size() > QueryInput.MAX_DEPTH * 2) {
            throw new InvalidQueryException(resource.name(), key, "is nested too deeply");
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void put(ResourceModel resource, Map<String, Object> tree, List<String> path, Object value, String key) {
        Map<String, Object> node = tree;
        for (String segment : path.subList(0, path.size() - 1)) {
            Object child = node.computeIfAbsent(segment, s -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map<?, ?>)) {
                throw new InvalidQueryException(resource.name(), key, "conflicts with another filter parameter on "
                        + segment);
            }
            node = (Map<String, Object>) child;
        }
        String last = path.get(path.size() - 1);
        if (node.containsKey(last)) {
            throw new InvalidQueryException(resource.name(), key, "conflicts with another filter parameter on " + last);
        }
        node.put(last, value);
    }

    /** One value as a string; several (a repeated parameter) as a list of strings. */
    private static Object value(Object raw) {
        Collection<?> values = raw instanceof Collection<?> collection ? collection
                : raw instanceof Object[] array ? Arrays.asList(array) : null;
        if (values == null) {
            return raw;
        }
        return values.size() == 1 ? values.iterator().next() : List.copyOf(values);
    }

    private static InvalidQueryException invalid(ResourceModel resource, String key) {
        return new InvalidQueryException(resource.name(), key, "is not a filter parameter: write filter[field]=value "
                + "or filter[field][operator]=value");
    }
}
