package io.ashspring.resource;

import java.util.List;

/** The foreign key of a belongs_to relationship, declared in {@code configure}; see {@link Reference}. */
public final class ReferenceSpec {

    final String relationship;
    final String declaredAt;
    OnDelete onDelete = OnDelete.NOTHING;
    List<String> nilifyColumns = List.of();
    OnUpdate onUpdate = OnUpdate.NOTHING;
    String name;
    Deferrable deferrable = Deferrable.NO;
    boolean index;
    boolean enabled = true;
    String indexWhere;
    List<String> matchWith = List.of();
    MatchType matchType = MatchType.SIMPLE;

    ReferenceSpec(String relationship, String declaredAt) {
        this.relationship = relationship;
        this.declaredAt = declaredAt;
    }

    /** What happens when the referenced row is deleted. */
    public ReferenceSpec onDelete(OnDelete value) {
        this.onDelete = value;
        return this;
    }

    /** {@code ON DELETE SET NULL (columns)} for only these attributes (PostgreSQL 15+). */
    public ReferenceSpec nilify(String... attributes) {
        this.onDelete = OnDelete.NILIFY;
        this.nilifyColumns = List.of(attributes);
        return this;
    }

    /** What happens when the referenced key changes. */
    public ReferenceSpec onUpdate(OnUpdate value) {
        this.onUpdate = value;
        return this;
    }

    /** The constraint name. */
    public ReferenceSpec name(String constraintName) {
        this.name = constraintName;
        return this;
    }

    /** Deferrability. */
    public ReferenceSpec deferrable(Deferrable value) {
        this.deferrable = value;
        return this;
    }

    /** Also index the key column(s). */
    public ReferenceSpec index(boolean value) {
        this.index = value;
        return this;
    }

    /** {@code false}: create no foreign key. */
    public ReferenceSpec enabled(boolean value) {
        this.enabled = value;
        return this;
    }

    /** With {@link #index(boolean)}: a partial index, {@code "not nil"} or an SQL condition. */
    public ReferenceSpec indexWhere(String condition) {
        this.indexWhere = condition;
        return this;
    }

    /** A composite key: further {@code "source=destination"} attribute pairs (or names present on both); see {@link Reference#matchWith()}. */
    public ReferenceSpec matchWith(String... pairs) {
        this.matchWith = List.of(pairs);
        return this;
    }

    /** How a composite key with some null columns is checked. */
    public ReferenceSpec matchType(MatchType value) {
        this.matchType = value;
        return this;
    }
}
