package io.ashspring.migrate.model;

/**
 * One key of an index: a column or an SQL expression, with optional options ({@code desc},
 * {@code desc nulls last}, an operator class such as {@code gin_trgm_ops}).
 *
 * @param column the column, or {@code null} for an expression
 * @param expression the SQL expression, or {@code null} for a column
 * @param options what follows the column or expression, or {@code null}
 */
public record IndexKey(String column, String expression, String options) {

    /** Canonical constructor: exactly one of column and expression. */
    public IndexKey {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("an index key is a column or an expression, got column=" + column
                    + ", expression=" + expression);
        }
        options = options == null || options.isBlank() ? null : options.trim();
    }

    /** A plain column key. */
    public static IndexKey column(String column) {
        return new IndexKey(column, null, null);
    }

    /** The same key over another column name (expressions are left as they are). */
    public IndexKey renamed(String newColumn) {
        return column == null ? this : new IndexKey(newColumn, null, options);
    }
}
