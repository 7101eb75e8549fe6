package io.ashspring.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.ResourceModel;

/**
 * Filters and sorts from untrusted input (an HTTP query string or a JSON body), turned into the
 * same expression nodes as the builder. Only public attributes can be reached (through
 * relationships too); anything else — an unknown or private field, an unknown operator, a value
 * that does not fit, too deep or too many conditions — is an {@link InvalidQueryException} naming
 * the field or operator, which the starter answers with 400. Values are always bound; field names
 * and operators only ever select from the model, never reach SQL text.
 *
 * <p>Query strings ({@code Map<String, String>}, {@code Map<String, List<String>>} such as Spring's
 * {@code MultiValueMap}, or {@code Map<String, String[]>} such as a servlet's parameter map):
 *
 * <pre>
 * filter[status]=open                         status equals 'open'
 * filter[priority][gt]=3                      priority greater than 3
 * filter[status][in]=open,closed              status is one of these
 * filter[representative][name][ilike]=%ann%   through a to-one relationship (or filter[representative.name][ilike])
 * filter[comments][body][contains]=refund     through a to-many relationship: some comment matches
 * filter[or][0][status]=open&amp;filter[or][1][priority][gte]=8
 * filter[not][status]=closed
 * filter[commentCount][gt]=5                 a public aggregate or calculation, like an attribute
 * load=comments,commentCount                  loads relationships and public aggregates or calculations
 * sort=-insertedAt,subject                    descending by insertedAt, then by subject (++x: nulls first, --x: nulls last)
 * </pre>
 *
 * <p>JSON ({@link #filter(ResourceModel, Map)}): the same shape as nested maps and lists:
 * {@code {"priority": {"gt": 3}, "or": [{"status": "open"}, {"status": "closed"}]}}.
 *
 * <p>Operators: {@code eq}, {@code not_eq} ({@code ne}), {@code gt}, {@code gte} ({@code ge}),
 * {@code lt}, {@code lte} ({@code le}), {@code in}, {@code not_in}, {@code is_nil} ({@code true} or
 * {@code false}), and for text {@code contains}, {@code starts_with}, {@code ends_with},
 * {@code like}, {@code ilike}.
 */
public final class QueryInput {

    /** The most nested levels of and/or/not and relationships a filter may have. */
    public static final int MAX_DEPTH = 8;
    /** The most conditions (and list values) a filter may have. */
    public static final int MAX_CONDITIONS = 200;

    private final ResourceRegistry registry;

    /** Input for the resources of a registry (relationship targets are looked up there). */
    public QueryInput(ResourceRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Applies the {@code filter[...]} and {@code sort} parameters of a query string to a query;
     * other parameters (page, size...) are left for the caller.
     *
     * @throws InvalidQueryException naming the bad field, operator or parameter
     */
    public Query apply(Query query, ResourceModel resource, Map<String, ?> parameters) {
        Query result = query;
        Map<String, Object> filter = ParameterTree.nest(resource, parameters, "filter");
        if (!filter.isEmpty()) {
            result = result.filter(filter(resource, filter));
        }
        Object sort = parameters.get("sort");
        if (sort != null) {
            result = result.sort(sort(resource, sort));
        }
        Object load = parameters.get("load");
        if (load != null) {
            result = result.load(loads(resource, load).toArray(String[]::new));
        }
        return result;
    }

    /**
     * Load names from {@code "comments,commentCount"} (a list of such strings, or an array): each a
     * relationship, or a public aggregate or calculation, possibly through relationships
     * ({@code comments.author}).
     *
     * @throws InvalidQueryException naming the load that cannot be loaded
     */
    public List<String> loads(ResourceModel resource, Object load) {
        List<String> names = new ArrayList<>();
        for (Object item : items(load)) {
            if (!(item instanceof String text)) {
                throw new InvalidQueryException(resource.name(), "load", "must be text such as comments,commentCount");
            }
            Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(names::add);
        }
        if (names.size() > MAX_CONDITIONS) {
            throw new InvalidQueryException(resource.name(), "load", "has more than " + MAX_CONDITIONS + " names");
        }
        for (String name : names) {
            ResourceModel current = resource;
            String[] steps = name.split("\\.", -1);
            if (steps.length > MAX_DEPTH) {
                throw new InvalidQueryException(resource.name(), name, "is nested too deeply (at most " + MAX_DEPTH + " levels)");
            }
            for (int i = 0; i < steps.length; i++) {
                var relationship = current.relationship(steps[i]);
                if (relationship.isPresent()) {
                    current = registry.resource(relationship.get().target());
                    continue;
                }
                boolean computed = i == steps.length - 1 && current.computed(steps[i]).filter(io.ashspring.resource.model.ComputedModel::isPublic).isPresent();
                if (!computed) {
                    throw new InvalidQueryException(resource.name(), name, "cannot be loaded (load a relationship, or a "
                            + "public aggregate or calculation)");
                }
            }
        }
        return names;
    }

    /**
     * A filter from nested maps (a JSON body, or {@code filter[...]} parameters already nested).
     *
     * @throws InvalidQueryException naming the bad field or operator
     */
    public Expr filter(ResourceModel resource, Map<String, ?> filter) {
        return new FilterInput(registry, resource).parse(filter);
    }

    /**
     * Sort keys from {@code "-insertedAt,subject"}, a list of such strings, or an array; each must
     * name a public attribute, possibly through to-one relationships ({@code representative.name}).
     *
     * @throws InvalidQueryException naming the key that cannot be sorted on
     */
    public List<SortKey> sort(ResourceModel resource, Object sort) {
        List<String> texts = new ArrayList<>();
        for (Object item : items(sort)) {
            if (!(item instanceof String text)) {
                throw new InvalidQueryException(resource.name(), "sort", "must be text such as -insertedAt,subject");
            }
            Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(texts::add);
        }
        if (texts.size() > MAX_DEPTH * 2) {
            throw new InvalidQueryException(resource.name(), "sort", "has more than " + MAX_DEPTH * 2 + " keys");
        }
        List<SortKey> keys = new ArrayList<>();
        FilterInput fields = new FilterInput(registry, resource);
        for (String text : texts) {
            SortKey key;
            try {
                key = SortKey.parse(text);
            } catch (IllegalArgumentException e) { // "-", "a..b": no attribute to name
                throw new InvalidQueryException(resource.name(), text, "is not a sort key (write -insertedAt or subject)");
            }
            keys.add(new SortKey(fields.sortable(key.attribute()), key.descending(), key.nulls()));
        }
        return keys;
    }

    private static Collection<?> items(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        return List.of(value);
    }
}
