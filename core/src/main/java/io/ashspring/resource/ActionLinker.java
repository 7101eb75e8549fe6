package io.ashspring.resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.action.ActionKind;
import io.ashspring.action.Change;
import io.ashspring.error.ExpressionSyntaxException;
import io.ashspring.expr.Expr;
import io.ashspring.expr.Expressions;
import io.ashspring.expr.SortKey;
import io.ashspring.resource.ResourceReader.ResourceDraft;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.IdentityModel;
import io.ashspring.resource.model.ArgumentModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.type.AttributeType;
import io.ashspring.type.TypeOptions;
import io.ashspring.type.TypeRegistry;
import io.ashspring.type.UnsupportedTypeException;

/**
 * Freezes the actions a resource's {@code configure} declared, reporting each mistake as a problem
 * of {@code <Resource>.configure}: a duplicate name, a second primary action of a kind, an accepted
 * name that is not a writable attribute, an argument named like an attribute or of an unsupported
 * type, a read filter or sort that does not parse. What a read filter names is checked once every
 * resource is built ({@link ReadFilterCheck}).
 */
final class ActionLinker {

    private static final String MEMBER = "configure";

    private final TypeRegistry types;
    private final Problems problems;

    ActionLinker(TypeRegistry types, Problems problems) {
        this.types = types;
        this.problems = problems;
    }

    List<ActionModel> link(ResourceDraft d, Map<String, AttributeModel> attributes, List<RelationshipModel> relationships,
                           List<IdentityModel> identities) {
        String r = d.simpleName();
        List<ActionModel> actions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ActionSpec<?, ?> spec : d.spec.actions) {
            String name = spec.name;
            if (name == null || name.isBlank()) {
                problems.add(r, MEMBER, "declares a " + spec.kind.label() + " action without a name", "give it a name");
                continue;
            }
            if (!names.add(name)) {
                problems.add(r, MEMBER, "declares the action '" + name + "' twice", "give each action its own name");
                continue;
            }
            boolean primary = spec.primary || name.equals(spec.kind.label());
            List<ArgumentModel> arguments = arguments(r, spec, attributes, relationships);
            if (spec instanceof ReadActionSpec<?> read) {
                actions.add(new ActionModel(name, spec.kind, primary, false, List.of(), arguments, List.of(),
                        filter(r, read), sort(r, read)));
            } else if (spec instanceof ChangingActionSpec<?, ?> changing) {
                List<Change<?>> changes = List.copyOf(changing.changes);
                actions.add(new ActionModel(name, spec.kind, primary, false, accept(r, changing, attributes, relationships),
                        arguments, changes, null, List.of(), upsert(r, changing, attributes, identities)));
            }
        }
        checkPrimaries(r, actions, names);
        return actions;
    }

    /** The upsert of a create action, checked against the identities and attributes; {@code null} when it inserts. */
    private Upsert upsert(String r, ChangingActionSpec<?, ?> spec, Map<String, AttributeModel> attributes,
                          List<IdentityModel> identities) {
        if (!(spec instanceof CreateActionSpec<?> create) || create.upsert == null) {
            return null;
        }
        for (String problem : create.upsert.problems(r, attributes, identities)) {
            int fix = problem.lastIndexOf(". Fix: ");
            problems.add(r, MEMBER, "action '" + spec.name + "' " + problem.substring(0, fix), problem.substring(fix + 7));
        }
        return create.upsert;
    }

    /** At most one primary action per kind; a kind without one gets the default, whose name must be free. */
    private void checkPrimaries(String r, List<ActionModel> actions, Set<String> names) {
        for (ActionKind kind : ActionKind.values()) {
            List<String> primaries = actions.stream().filter(a -> a.kind() == kind && a.primary()).map(ActionModel::name).toList();
            if (primaries.size() > 1) {
                problems.add(r, MEMBER, "has " + primaries.size() + " primary " + kind.label() + " actions ("
                        + String.join(", ", primaries) + ")", "mark only one of them primary()");
            }
            if (primaries.isEmpty() && names.contains(kind.label())) {
                ActionModel clash = actions.stream().filter(a -> a.name().equals(kind.label())).findFirst().orElseThrow();
                problems.add(r, MEMBER, "action '" + clash.name() + "' is a " + clash.kind().label() + " action, but '"
                        + kind.label() + "' is the name of the default " + kind.label() + " action",
                        "rename it, or declare a primary " + kind.label() + " action");
            }
        }
    }

    private List<String> accept(String r, ChangingActionSpec<?, ?> spec, Map<String, AttributeModel> attributes,
                                List<RelationshipModel> relationships) {
        if (spec.accept == null) {
            return List.of();
        }
        String action = spec.kind.label() + " action '" + spec.name + "'";
        if (spec.kind == ActionKind.DESTROY && !spec.accept.isEmpty()) {
            problems.add(r, MEMBER, action + " accepts attributes, but a destroy writes none",
                    "remove accept(...); take the input as arguments");
            return List.of();
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (String name : spec.accept) {
            AttributeModel attribute = attributeOrKey(name, attributes, relationships);
            if (attribute == null) {
                problems.add(r, MEMBER, "action '" + spec.name + "' accepts '" + name + "', which is not an attribute of " + r,
                        "accept one of: " + writable(attributes));
            } else if (!attribute.writable() || (spec.kind == ActionKind.UPDATE && attribute.primaryKey())) {
                problems.add(r, MEMBER, "action '" + spec.name + "' accepts '" + name + "', which input cannot set"
                        + (attribute.primaryKey() ? " (it is the primary key)" : " (it is not writable)"),
                        "remove it from accept(...); a change may still set it");
            } else {
                accepted.add(attribute.name());
            }
        }
        return List.copyOf(accepted);
    }

    private static String writable(Map<String, AttributeModel> attributes) {
        return String.join(", ", attributes.values().stream().filter(AttributeModel::writable).map(AttributeModel::name).toList());
    }

    /** An attribute by name, or a belongs_to key by its relationship's name. */
    private static AttributeModel attributeOrKey(String name, Map<String, AttributeModel> attributes,
                                                 List<RelationshipModel> relationships) {
        AttributeModel attribute = attributes.get(name);
        if (attribute != null) {
            return attribute;
        }
        return relationships.stream().filter(x -> x.name().equals(name) && x.kind() == RelationshipKind.BELONGS_TO)
                .map(x -> attributes.get(x.sourceAttribute())).findFirst().orElse(null);
    }

    private List<ArgumentModel> arguments(String r, ActionSpec<?, ?> spec, Map<String, AttributeModel> attributes,
                                          List<RelationshipModel> relationships) {
        List<ArgumentModel> arguments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ArgumentSpec argument : spec.arguments) {
            String where = "action '" + spec.name + "' argument '" + argument.name + "'";
            if (!seen.add(argument.name)) {
                problems.add(r, MEMBER, where + " is declared twice", "give each argument its own name");
                continue;
            }
            if (attributes.containsKey(argument.name) || relationships.stream().anyMatch(x -> x.name().equals(argument.name))) {
                problems.add(r, MEMBER, where + " has the name of " + (attributes.containsKey(argument.name)
                        ? "an attribute" : "a relationship") + " of " + r,
                        "rename the argument (input names one or the other), or accept the attribute instead");
                continue;
            }
            AttributeType type;
            try {
                type = types.resolve(argument.type, TypeOptions.DEFAULT);
            } catch (UnsupportedTypeException e) {
                problems.add(r, MEMBER, where + ": " + e.getMessage(), "declare it with a type the type registry supports");
                continue;
            }
            Object defaultValue = null;
            if (argument.defaultValue != null) {
                try {
                    defaultValue = type.coerce(argument.defaultValue);
                } catch (IllegalArgumentException e) {
                    problems.add(r, MEMBER, where + " has the default '" + argument.defaultValue + "', which is not a valid "
                            + argument.type.getSimpleName() + " (" + e.getMessage() + ")", "fix the default value");
                }
            }
            arguments.add(new ArgumentModel(argument.name, type, argument.allowNil, defaultValue));
        }
        return arguments;
    }

    private Expr filter(String r, ReadActionSpec<?> read) {
        List<Expr> filters = new ArrayList<>();
        for (String text : read.filters) {
            try {
                filters.add(Expressions.parse(text));
            } catch (ExpressionSyntaxException e) {
                problems.add(r, MEMBER, "read action '" + read.name + "' has a filter that does not parse: " + e.getMessage(),
                        "fix the filter text");
            }
        }
        return filters.isEmpty() ? null : filters.size() == 1 ? filters.get(0) : Expressions.and(filters);
    }

    private List<SortKey> sort(String r, ReadActionSpec<?> read) {
        List<SortKey> keys = new ArrayList<>();
        for (String text : read.sort) {
            try {
                keys.add(SortKey.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(r, MEMBER, "read action '" + read.name + "' has the sort key '" + text + "', which is not one ("
                        + e.getMessage() + ")", "write an attribute name, with - for descending: \"-insertedAt\"");
            }
        }
        return keys;
    }

    /** The name of the one {@code @Version} attribute, or {@code null}; reports a second one. */
    String version(ResourceDraft d) {
        List<String> versions = d.attributes.stream().filter(a -> a.version).map(a -> a.name).toList();
        if (versions.size() > 1) {
            problems.add(d.simpleName(), versions.get(1), "is a second @Version attribute (after " + versions.get(0) + ")",
                    "keep one version attribute");
        }
        return versions.isEmpty() ? null : versions.get(0);
    }
}
