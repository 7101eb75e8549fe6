package io.ashspring.migrate.order;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one operation requires before it runs and provides once it ran.
 *
 * @param requires facts that must hold first
 * @param provides facts that hold afterwards
 */
public record Facts(Set<Fact> requires, Set<Fact> provides) {

    /** Canonical constructor: copies. */
    public Facts {
        requires = Set.copyOf(requires);
        provides = Set.copyOf(provides);
    }

    /** Starts an empty set of facts. */
    static Builder builder() {
        return new Builder();
    }

    /** Collects facts in a readable way: {@code builder().requires(a, b).provides(c).build()}. */
    static final class Builder {
        private final Set<Fact> requires = new LinkedHashSet<>();
        private final Set<Fact> provides = new LinkedHashSet<>();

        Builder requires(Fact... facts) {
            requires.addAll(java.util.List.of(facts));
            return this;
        }

        Builder provides(Fact... facts) {
            provides.addAll(java.util.List.of(facts));
            return this;
        }

        Builder requiresAll(java.util.Collection<? extends Fact> facts) {
            requires.addAll(facts);
            return this;
        }

        Builder providesAll(java.util.Collection<? extends Fact> facts) {
            provides.addAll(facts);
            return this;
        }

        Facts build() {
            return new Facts(requires, provides);
        }
    }
}
