package io.ashspring.query;

import java.util.Objects;

/**
 * One key of a sort.
 *
 * @param attribute the attribute sorted by
 * @param descending whether the order is descending
 * @param nulls where nulls go
 */
public record SortKey(String attribute, boolean descending, Nulls nulls) {

    /** Where nulls go; {@code DEFAULT} is PostgreSQL's (last when ascending, first when descending). */
    public enum Nulls { DEFAULT, FIRST, LAST }

    /** Canonical constructor. */
    public SortKey {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(nulls, "nulls");
    }

    /**
     * Parses {@code "insertedAt"}, {@code "-insertedAt"} (descending) or {@code "+insertedAt"}.
     */
    public static SortKey parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("-")) {
            return new SortKey(trimmed.substring(1).trim(), true, Nulls.DEFAULT);
        }
        if (trimmed.startsWith("+")) {
            return new SortKey(trimmed.substring(1).trim(), false, Nulls.DEFAULT);
        }
        return new SortKey(trimmed, false, Nulls.DEFAULT);
    }
}
