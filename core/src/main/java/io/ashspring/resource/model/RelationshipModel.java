package io.ashspring.resource.model;

/**
 * A relationship between two resources.
 *
 * @param name the relationship (component) name
 * @param kind its kind
 * @param target the target resource's record class
 * @param sourceAttribute the attribute on this resource (the foreign key for belongs_to; the key pointed at otherwise)
 * @param destinationAttribute the attribute on the target (its key for belongs_to; the foreign key otherwise)
 * @param through the join resource of a many_to_many, or {@code null}
 * @param sourceAttributeOnJoin the join resource's attribute holding this resource's key, or {@code null}
 * @param destinationAttributeOnJoin the join resource's attribute holding the target's key, or {@code null}
 * @param table for a polymorphic target: the table its rows live in, or {@code null}
 * @param component the record component holding loaded values
 * @param reference the foreign key's options (belongs_to only), or {@code null}
 */
public record RelationshipModel(String name, RelationshipKind kind, Class<?> target, String sourceAttribute,
                                String destinationAttribute, Class<?> through, String sourceAttributeOnJoin,
                                String destinationAttributeOnJoin, String table, int component,
                                ReferenceModel reference) {
}
