package io.ashspring.expr;

import java.util.Objects;


/**
 * One key of a sort: an attribute ({@code priority}, {@code representative.name}) or any
 * expression (a full-text rank, a distance), ascending or descending, with nulls where asked.
 *
 * <pre>{@code
 * SortKey.desc("insertedAt")
 * SortKey.asc("representative.name").nullsLast()
 * SortKey.desc(fullTextRank("subject", "printer"))
 * }</pre>
 *
 * @param expression what is sorted by
 * @param descending whether the order is descending
 * @param nulls where nulls go
 */
public record SortKey(Expr expression, boolean descending, Nulls nulls) {

    /** Where nulls go; {@code DEFAULT} is PostgreSQL's (last when ascending, first when descending). */
    public enum Nulls { DEFAULT, FIRST, LAST }

    /** Canonical constructor. */
    public SortKey {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** A key on an attribute, possibly through to-one relationships ({@code "representative.name"}). */
    public SortKey(String attribute, boolean descending, Nulls nulls) {
        this(new Expr.Attr(attribute.trim()), descending, nulls);
    }

    /** Ascending by an attribute. */
    public static SortKey asc(String attribute) {
        return new SortKey(attribute, false, Nulls.DEFAULT);
    }

    /** Descending by an attribute. */
    public static SortKey desc(String attribute) {
        return new SortKey(attribute, true, Nulls.DEFAULT);
    }

    /** Ascending by an expression. */
    public static SortKey asc(Expr expression) {
        return new SortKey(expression, false, Nulls.DEFAULT);
    }

    /** Descending by an expression. */
    public static SortKey desc(Expr expression) {
        return new SortKey(expression, true, Nulls.DEFAULT);
    }

    /** The same key with nulls first. */
    public SortKey nullsFirst() {
        return new SortKey(expression, descending, Nulls.FIRST);
    }

    /** The same key with nulls last. */
    public SortKey nullsLast() {
        return new SortKey(expression, descending, Nulls.LAST);
    }

    /** The dotted attribute reference sorted by, or {@code null} when the key is another expression. */
    public String attribute() {
        return expression instanceof Expr.Attr attr ? attr.reference() : null;
    }

    /** Whether nulls come first, once PostgreSQL's default is applied. */
    public boolean nullsComeFirst() {
        return nulls == Nulls.DEFAULT ? descending : nulls == Nulls.FIRST;
    }

    /** The opposite order (direction and nulls flipped), for reading backwards. */
    public SortKey reversed() {
        return new SortKey(expression, !descending, nullsComeFirst() ? Nulls.LAST : Nulls.FIRST);
    }

    /**
     * Parses {@code "insertedAt"} or {@code "+insertedAt"} (ascending), {@code "-insertedAt"}
     * (descending), {@code "++insertedAt"} (ascending, nulls first) or {@code "--insertedAt"}
     * (descending, nulls last), as Ash's sort input does.
     */
    public static SortKey parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("--")) {
            return new SortKey(trimmed.substring(2), true, Nulls.LAST);
        }
        if (trimmed.startsWith("++")) {
            return new SortKey(trimmed.substring(2), false, Nulls.FIRST);
        }
        if (trimmed.startsWith("-")) {
            return new SortKey(trimmed.substring(1), true, Nulls.DEFAULT);
        }
        if (trimmed.startsWith("+")) {
            return new SortKey(trimmed.substring(1), false, Nulls.DEFAULT);
        }
        return new SortKey(trimmed, false, Nulls.DEFAULT);
    }
}
