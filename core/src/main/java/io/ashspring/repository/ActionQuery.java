package io.ashspring.repository;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.util.ClassUtils;

import io.ashspring.action.ActionKind;
import io.ashspring.query.Query;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.ArgumentModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.runtime.ActionResult;
import io.ashspring.runtime.ResourceService;

/**
 * A repository method bound to an action with {@link Action}: its parameters become the action's
 * input by name, the first one of an update or destroy names the record, and what it returns follows
 * its declared type. Everything is resolved and checked here, when the repository is created.
 */
final class ActionQuery implements RepositoryQuery {

    /** What one parameter of the method is to the action. */
    private enum Role {
        /** An update's or destroy's record, by its key. */
        KEY,
        /** An update's or destroy's record, read earlier. */
        RECORD,
        /** One argument or accepted attribute, by the parameter's name. */
        INPUT,
        /** Loose input: a {@code Map<String, ?>}. */
        INPUTS,
        /** A read's narrowing query. */
        QUERY,
        /** A read's sort, replacing the action's. */
        SORT,
        /** A read's limit. */
        LIMIT
    }

    /** What the method returns. */
    private enum Returns {
        NOTHING, RECORD, RESULT, LIST, SET
    }

    private final QueryMethod method;
    private final String name;
    private final ResourceService<Object> service;
    private final ActionModel action;
    private final List<Role> roles = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Returns returns;

    @SuppressWarnings("unchecked")
    ActionQuery(QueryMethod method, Method javaMethod, ResourceService<?> service, Class<?> keyType) {
        this.method = method;
        this.service = (ResourceService<Object>) service;
        this.name = javaMethod.getDeclaringClass().getSimpleName() + "." + javaMethod.getName();
        ResourceModel resource = service.resource();
        String actionName = javaMethod.getAnnotation(Action.class).value();
        this.action = resource.action(actionName).orElseThrow(() -> new IllegalStateException(name + ": "
                + resource.name() + " has no action " + actionName + " (actions: " + String.join(", ",
                resource.actions().stream().map(ActionModel::name).toList()) + "). Fix: declare it in "
                + resource.type().getSimpleName() + ".configure, or name one of these"));
        for (Parameter parameter : method.getParameters()) {
            Role role = role(parameter, keyType, resource);
            roles.add(role);
            names.add(role == Role.INPUT ? parameter.getName().orElseThrow() : null);
        }
        requireArguments();
        this.returns = returns(javaMethod, resource);
    }

    private Role role(Parameter parameter, Class<?> keyType, ResourceModel resource) {
        Class<?> type = parameter.getType();
        boolean onRecord = action.kind() == ActionKind.UPDATE || action.kind() == ActionKind.DESTROY;
        if (onRecord && parameter.getIndex() == 0) {
            if (type == resource.type()) {
                return Role.RECORD;
            }
            if (ClassUtils.isAssignable(type, keyType) || ClassUtils.isAssignable(keyType, type)) {
                return Role.KEY;
            }
            throw new IllegalStateException(name + ": " + action + " changes one record; its first parameter is "
                    + "the record's key (" + keyType.getSimpleName() + ") or the " + resource.type().getSimpleName()
                    + " itself, not a " + type.getSimpleName());
        }
        if (Map.class.isAssignableFrom(type)) {
            return Role.INPUTS;
        }
        boolean read = action.kind() == ActionKind.READ;
        if (read && Query.class.isAssignableFrom(type)) {
            return Role.QUERY;
        }
        if (read && Sort.class.isAssignableFrom(type)) {
            return Role.SORT;
        }
        if (read && Limit.class.isAssignableFrom(type)) {
            return Role.LIMIT;
        }
        if (parameter.isSpecialParameter() || Query.class.isAssignableFrom(type)) {
            throw new IllegalStateException(name + ": a " + type.getSimpleName() + " parameter is not input to "
                    + action + (read ? "; a read action takes a Query, Sort or Limit besides its arguments"
                    : "; only a read action takes a Query, Sort or Limit"));
        }
        String field = parameter.getName().orElseThrow(() -> new IllegalStateException(name + ": parameter "
                + (parameter.getIndex() + 1) + " has no name. Fix: compile with -parameters (Spring Boot's build "
                + "does) or annotate it with @Param(\"...\")"));
        if (!action.takes(resource, field)) {
            List<String> arguments = action.arguments().stream().map(ArgumentModel::name).toList();
            throw new IllegalStateException(name + ": parameter " + field + " is neither an argument of " + action
                    + " (" + (arguments.isEmpty() ? "none" : String.join(", ", arguments)) + ")"
                    + (read ? "" : " nor an attribute it accepts (" + (action.accept().isEmpty() ? "none"
                    : String.join(", ", action.accept())) + ")") + ". Fix: rename the parameter, or @Param(\"...\") it");
        }
        return Role.INPUT;
    }

    /** A required argument must be a parameter, unless loose input may hold it. */
    private void requireArguments() {
        if (roles.contains(Role.INPUTS)) {
            return;
        }
        for (ArgumentModel argument : action.arguments()) {
            if (!argument.allowNil() && argument.defaultValue() == null && !names.contains(argument.name())) {
                throw new IllegalStateException(name + ": " + action + " requires the argument " + argument.name()
                        + ". Fix: add a parameter named " + argument.name());
            }
        }
    }

    private Returns returns(Method javaMethod, ResourceModel resource) {
        Class<?> type = javaMethod.getReturnType();
        Class<?> record = resource.type();
        if (type == void.class || type == Void.class) {
            return Returns.NOTHING;
        }
        if (type == ActionResult.class) {
            return Returns.RESULT;
        }
        if (type == record || type == Optional.class && method.getReturnedObjectType() == record) {
            return Returns.RECORD;
        }
        boolean read = action.kind() == ActionKind.READ;
        if (read && type.isAssignableFrom(List.class) && Collection.class.isAssignableFrom(type)
                || read && type == Iterable.class) {
            return Returns.LIST;
        }
        if (read && type.isAssignableFrom(LinkedHashSet.class) && Collection.class.isAssignableFrom(type)) {
            return Returns.SET;
        }
        String fix = read ? "List<" + record.getSimpleName() + ">, Set, " + record.getSimpleName() + ", Optional<"
                + record.getSimpleName() + ">, ActionResult or void"
                : record.getSimpleName() + ", Optional<" + record.getSimpleName() + ">, ActionResult or void";
        throw new IllegalStateException(name + ": " + action + " cannot return a " + javaMethod.getGenericReturnType()
                .getTypeName() + ". Fix: return " + fix);
    }

    @Override
    public QueryMethod getQueryMethod() {
        return method;
    }

    @Override
    public Object execute(Object[] parameters) {
        Map<String, Object> input = new LinkedHashMap<>();
        Object key = null;
        Object record = null;
        Query query = Query.all();
        Sort sort = null;
        Integer limit = null;
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            switch (roles.get(i)) {
                case KEY -> key = value;
                case RECORD -> record = value;
                case INPUT -> input.put(names.get(i), value);
                case INPUTS -> {
                    if (value != null) {
                        ((Map<?, ?>) value).forEach((field, v) -> input.putIfAbsent(String.valueOf(field), v));
                    }
                }
                case QUERY -> query = value == null ? query : (Query) value;
                case SORT -> sort = (Sort) value;
                case LIMIT -> limit = value != null && ((Limit) value).isLimited() ? ((Limit) value).max() : null;
            }
        }
        if ((key == null && record == null) && (action.kind() == ActionKind.UPDATE || action.kind() == ActionKind.DESTROY)) {
            throw new IllegalArgumentException(name + ": the " + service.resource().name() + " to "
                    + action.kind().label() + " is null");
        }
        List<Object> records = switch (action.kind()) {
            case CREATE -> List.of(service.create(action.name(), input));
            case UPDATE -> List.of(record != null ? service.updateRecord(action.name(), record, input)
                    : service.update(action.name(), key, input));
            case DESTROY -> List.of(record != null ? service.destroyRecord(action.name(), record, input)
                    : service.destroy(action.name(), key, input));
            case READ -> service.read(action.name(), input, narrowed(query, sort, limit));
        };
        return switch (returns) {
            case NOTHING -> null;
            case RESULT -> new ActionResult<>(action.name(), action.kind(), records);
            case RECORD -> SingleResult.of(name, service.resource().name(), records);
            case LIST -> records;
            case SET -> new LinkedHashSet<>(records);
        };
    }

    /** The caller's query with the method's sort and limit; a one-record read is limited to two, so that more shows. */
    private Query narrowed(Query query, Sort sort, Integer limit) {
        Query narrowed = sort != null && sort.isSorted() ? query.sort(sort) : query;
        if (limit != null) {
            narrowed = narrowed.limit(limit);
        }
        if (returns == Returns.RECORD && narrowed.limit() == null) {
            narrowed = narrowed.limit(2);
        }
        return narrowed;
    }
}
