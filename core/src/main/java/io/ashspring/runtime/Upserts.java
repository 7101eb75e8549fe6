package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ashspring.expr.Expressions;
import io.ashspring.resource.Upsert;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.IdentityModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TimestampKind;
import io.ashspring.sql.Conflict;

/**
 * Resolves an {@link Upsert} against a resource into the {@link Conflict} clause the SQL compiler
 * renders: the identity's columns and partial predicate, what a conflict sets (each field to the
 * proposed row's value, {@code excluded(field)}, through the one assignment renderer), the version
 * moved by one, and the condition.
 */
final class Upserts {

    private Upserts() {
    }

    /**
     * @param written the attributes the input gave or a change set (not those filled by defaults):
     *        what a conflict updates unless the upsert names its fields
     * @throws IllegalArgumentException naming the resource and the fix when the upsert does not fit it
     */
    static Conflict conflict(ResourceModel resource, Upsert upsert, Set<AttributeModel> written) {
        Map<String, AttributeModel> attributes = new LinkedHashMap<>();
        resource.attributes().forEach(a -> attributes.put(a.name(), a));
        List<String> problems = upsert.problems(resource.name(), attributes, resource.identities());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(resource.name() + ": " + String.join("; ", problems));
        }
        List<AttributeModel> target;
        String where = null;
        if (upsert.identity() == null) {
            target = resource.primaryKey();
        } else {
            IdentityModel identity = resource.identities().stream().filter(i -> i.name().equals(upsert.identity()))
                    .findFirst().orElseThrow();
            target = identity.keys().stream().map(resource::requireAttribute).toList();
            where = identity.where();
            if (resource.tenancy().byAttribute()) {
                // the identity's unique index leads with the tenant column (one value per tenant): target the same columns
                AttributeModel tenant = resource.requireAttribute(resource.tenancy().attribute());
                List<AttributeModel> led = new ArrayList<>();
                led.add(tenant);
                target.stream().filter(a -> !a.equals(tenant)).forEach(led::add);
                target = led;
            }
        }
        Map<AttributeModel, Object> set = new LinkedHashMap<>();
        List<AttributeModel> fields = new ArrayList<>();
        if (upsert.fields() != null) {
            upsert.fields().forEach(name -> fields.add(resource.requireAttribute(name)));
        } else {
            for (AttributeModel attribute : written) {
                if (!target.contains(attribute) && !attribute.primaryKey() && !isVersion(resource, attribute)
                        && attribute.timestamp() != TimestampKind.CREATE) {
                    fields.add(attribute);
                }
            }
        }
        fields.forEach(attribute -> set.put(attribute, Expressions.excluded(attribute.name())));
        upsert.values().forEach((name, value) -> set.put(resource.requireAttribute(name), value));
        resource.version().ifPresent(version -> set.put(version, Expressions.add(version.name(), 1)));
        if (set.isEmpty() && resource.attributes().stream().noneMatch(a -> a.timestamp() == TimestampKind.UPDATE)) {
            // nothing to update: set a key to itself, so that the stored row still comes back
            set.put(target.get(0), Expressions.excluded(target.get(0).name()));
        }
        return new Conflict(target, where, set, upsert.condition());
    }

    private static boolean isVersion(ResourceModel resource, AttributeModel attribute) {
        return resource.version().filter(attribute::equals).isPresent();
    }
}
