package io.ashspring.resource.model;

/** The four kinds of relationship. */
public enum RelationshipKind {
    /** The foreign key is on this resource. */
    BELONGS_TO,
    /** One target holds this resource's key. */
    HAS_ONE,
    /** Many targets hold this resource's key. */
    HAS_MANY,
    /** Targets related through a join resource. */
    MANY_TO_MANY;

    /** The name used in messages ({@code belongs_to}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
