package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.ashspring.action.ActionChangeset;
import io.ashspring.action.ActionContext;
import io.ashspring.action.ActionKind;
import io.ashspring.error.FieldError;
import io.ashspring.query.Changeset;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.ArgumentModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;

/**
 * The changeset of one run of a create, update or destroy action: converted attribute values and
 * arguments, errors, the record before the action (read on first use) and after-action hooks.
 */
final class RunningChangeset<T> implements ActionChangeset<T> {

    private final ResourceModel resource;
    private final ActionModel action;
    private final ActionContext context;
    private final RecordMapper<T> mapper;
    private final Supplier<T> loader;
    final Map<AttributeModel, Object> values = new LinkedHashMap<>();
    final Map<String, Object> arguments = new LinkedHashMap<>();
    final List<FieldError> errors = new ArrayList<>();
    final List<Consumer<? super T>> afterHooks = new ArrayList<>();
    /** How many of a create's values the input gave (the first ones); those after them only a default gave. */
    int given;
    /** Attributes a change set. */
    final java.util.Set<AttributeModel> setByChanges = new java.util.HashSet<>();
    /** The version the input says the record is at, or {@code null}. */
    Object expectedVersion;
    private T data;
    private boolean loaded;

    /**
     * @param loader reads the record before the action ({@code null} for create)
     */
    RunningChangeset(ResourceModel resource, ActionModel action, ActionContext context, RecordMapper<T> mapper,
                     Supplier<T> loader) {
        this.resource = resource;
        this.action = action;
        this.context = context;
        this.mapper = mapper;
        this.loader = loader;
    }

    @Override
    public String resource() {
        return resource.name();
    }

    @Override
    public String action() {
        return action.name();
    }

    @Override
    public ActionKind kind() {
        return action.kind();
    }

    @Override
    public ActionContext context() {
        return context;
    }

    ActionModel model() {
        return action;
    }

    @Override
    public Object argument(String name) {
        requireArgument(name);
        return arguments.get(name);
    }

    private ArgumentModel requireArgument(String name) {
        return action.argument(name).orElseThrow(() -> new IllegalArgumentException("action " + action.name() + " of "
                + resource.name() + " has no argument '" + name + "' (arguments: " + (action.arguments().isEmpty() ? "none"
                : String.join(", ", action.arguments().stream().map(ArgumentModel::name).toList())) + ")"));
    }

    @Override
    public Object attribute(String name) {
        AttributeModel attribute = requireAttribute(name);
        if (values.containsKey(attribute)) {
            return values.get(attribute);
        }
        T before = data();
        return before == null ? null : mapper.value(before, attribute);
    }

    @Override
    public boolean changing(String name) {
        return values.containsKey(requireAttribute(name));
    }

    @Override
    public Object value(String field) {
        return action.argument(field).isPresent() ? arguments.get(field) : attribute(field);
    }

    @Override
    public T data() {
        if (loader != null && !loaded) {
            data = loader.get();
            loaded = true;
        }
        return data;
    }

    /** The record before the action if a change read it (or it was given), else {@code null}, without reading it. */
    T loadedData() {
        return loaded ? data : null;
    }

    @Override
    public void set(String name, Object value) {
        AttributeModel attribute = requireAttribute(name);
        if (action.kind() == ActionKind.DESTROY) {
            throw new IllegalStateException("destroy action " + action.name() + " of " + resource.name()
                    + " deletes the row: it cannot set " + name);
        }
        if (attribute.primaryKey() || resource.version().filter(attribute::equals).isPresent()) {
            throw new IllegalArgumentException(resource.name() + "." + name + " is " + (attribute.primaryKey()
                    ? "(part of) the primary key" : "the @Version attribute, which only Ash moves") + ": a change cannot set it");
        }
        setByChanges.add(attribute);
        values.remove(attribute); // a later set wins, and its errors replace nothing earlier but its own
        Changeset.put(values, attribute, value, action.kind() == ActionKind.CREATE ? Changeset.Kind.CREATE
                : Changeset.Kind.UPDATE, errors);
    }

    @Override
    public Object convert(String field, Object value) {
        if (action.argument(field).isPresent()) {
            return requireArgument(field).type().coerce(value);
        }
        return requireAttribute(field).type().coerce(value);
    }

    @Override
    public void addError(FieldError error) {
        errors.add(error);
    }

    @Override
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void afterAction(Consumer<? super T> hook) {
        afterHooks.add(hook);
    }

    private AttributeModel requireAttribute(String name) {
        AttributeModel attribute = Changeset.resolve(resource, name);
        return attribute != null ? attribute : resource.requireAttribute(name);
    }
}
