package io.ashspring.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * The value of a {@link BelongsTo} component: the foreign key, always present, and the related
 * record once it has been loaded. In the spirit of Spring Data JDBC's {@code AggregateReference}.
 *
 * @param <T> the related resource
 * @param <ID> the type of its key
 */
public final class Ref<T, ID> {

    private final ID id;
    private final T value;

    private Ref(ID id, T value) {
        this.id = Objects.requireNonNull(id, "id");
        this.value = value;
    }

    /** A reference to the record with this key, not loaded. */
    public static <T, ID> Ref<T, ID> to(ID id) {
        return new Ref<>(id, null);
    }

    /** A reference with its loaded record. */
    public static <T, ID> Ref<T, ID> loaded(ID id, T value) {
        return new Ref<>(id, Objects.requireNonNull(value, "value"));
    }

    /** The foreign key. */
    public ID id() {
        return id;
    }

    /** Whether the related record has been loaded. */
    public boolean isLoaded() {
        return value != null;
    }

    /** The related record, if loaded. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The related record.
     *
     * @throws IllegalStateException if it was not loaded
     */
    public T get() {
        if (value == null) {
            throw new IllegalStateException("Reference to " + id + " is not loaded: load the relationship first");
        }
        return value;
    }

    /** Two references are equal when they point at the same key, loaded or not. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ref<?, ?> other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Ref[" + id + (value != null ? ", loaded" : "") + "]";
    }
}
