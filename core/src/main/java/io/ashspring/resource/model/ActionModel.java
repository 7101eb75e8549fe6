package io.ashspring.resource.model;

import java.util.List;
import java.util.Optional;

import io.ashspring.action.ActionKind;
import io.ashspring.action.Change;
import io.ashspring.action.Validation;
import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.Upsert;

/**
 * One action of a resource, frozen: a create, read, update or destroy with a name, the attributes
 * its input may set, its arguments, and (create, update, destroy) the changes and validations
 * that run before its SQL or (read) the filter and sort it reads with.
 *
 * @param name the action's name, unique within the resource
 * @param kind create, read, update or destroy
 * @param primary whether {@code ResourceService.create(Map)} (and read, update, destroy) runs it
 * @param isDefault whether it is the default action of its kind (declared by no one; accepts every writable attribute)
 * @param accept the attributes the input may set, by name (empty for read actions)
 * @param arguments the arguments, in declaration order
 * @param changes the changes and validations, in declaration order (empty for read actions)
 * @param filter a read action's filter, or {@code null}
 * @param sort a read action's sort, used when the caller's query has none
 * @param upsert how a create action upserts, or {@code null} when it inserts
 */
public record ActionModel(String name, ActionKind kind, boolean primary, boolean isDefault, List<String> accept,
                          List<ArgumentModel> arguments, List<Change<?>> changes, Expr filter, List<SortKey> sort,
                          Upsert upsert) {

    /** An action that does not upsert. */
    public ActionModel(String name, ActionKind kind, boolean primary, boolean isDefault, List<String> accept,
                       List<ArgumentModel> arguments, List<Change<?>> changes, Expr filter, List<SortKey> sort) {
        this(name, kind, primary, isDefault, accept, arguments, changes, filter, sort, null);
    }

    /** Canonical constructor: copies the lists. */
    public ActionModel {
        accept = List.copyOf(accept);
        arguments = List.copyOf(arguments);
        changes = List.copyOf(changes);
        sort = List.copyOf(sort);
    }

    /**
     * The default action of a kind: named after it ({@code "create"}), primary, accepting every
     * writable attribute; what the service's {@code create(Map)}, {@code read}, {@code update} and
     * {@code destroy} ran before actions existed.
     */
    public static ActionModel defaultOf(ActionKind kind, List<AttributeModel> attributes) {
        List<String> writable = kind == ActionKind.CREATE || kind == ActionKind.UPDATE
                ? attributes.stream().filter(AttributeModel::writable).map(AttributeModel::name).toList() : List.of();
        return new ActionModel(kind.label(), kind, true, true, writable, List.of(), List.of(), null, List.of());
    }

    /** The argument with this name. */
    public Optional<ArgumentModel> argument(String argumentName) {
        return arguments.stream().filter(a -> a.name().equals(argumentName)).findFirst();
    }

    /** Whether the input may set this attribute. */
    public boolean accepts(String attribute) {
        return accept.contains(attribute);
    }

    /**
     * Whether this action's input may hold this name: an argument; an accepted attribute (a belongs_to
     * key also by its relationship's name); any writable attribute for a default create or update;
     * or, for an update or destroy, the resource's {@code @Version} attribute (the version expected).
     *
     * @param resource the resource this action belongs to
     * @param field a name in the input
     */
    public boolean takes(ResourceModel resource, String field) {
        if (argument(field).isPresent()) {
            return true;
        }
        Optional<AttributeModel> attribute = resource.attributeOrKey(field);
        if (attribute.isEmpty() || kind == ActionKind.READ) {
            return false;
        }
        if (kind != ActionKind.CREATE && resource.version().equals(attribute)) {
            return true;
        }
        return accepts(attribute.get().name())
                || isDefault && kind != ActionKind.DESTROY && attribute.get().writable();
    }

    /** The validations among {@link #changes()}, in declaration order. */
    public List<Validation<?>> validations() {
        return changes.stream().filter(c -> c instanceof Validation<?>).<Validation<?>>map(c -> (Validation<?>) c).toList();
    }

    /** Whether nothing but the plain SQL runs: no argument, change, validation, filter or sort. */
    public boolean isPlain() {
        return arguments.isEmpty() && changes.isEmpty() && filter == null && sort.isEmpty();
    }

    @Override
    public String toString() {
        return kind.label() + " action " + name;
    }
}
