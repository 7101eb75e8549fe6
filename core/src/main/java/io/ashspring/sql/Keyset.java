package io.ashspring.sql;

import java.util.ArrayList;
import java.util.List;

import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;

/**
 * The condition "after this position" of keyset pagination, as expression nodes, for any mix of
 * directions and of nulls first or last. For keys {@code k1..kn} with position values
 * {@code v1..vn} it is the disjunction over {@code i} of "{@code k1..k(i-1)} equal their values and
 * {@code ki} is after {@code vi}", where "after" follows the key's direction and null placement:
 *
 * <ul>
 * <li>a non-null value, nulls last: {@code k > v OR k IS NULL} ({@code <} when descending);</li>
 * <li>a non-null value, nulls first: {@code k > v};</li>
 * <li>a null value, nulls first: {@code k IS NOT NULL};</li>
 * <li>a null value, nulls last: nothing comes after it on that key.</li>
 * </ul>
 */
final class Keyset {

    private Keyset() {
    }

    /**
     * @param scan the sort keys in the order rows are read (reversed already when reading backwards)
     * @param values the position's value of each key
     * @param nullable whether each key can be null (a key that cannot needs no null handling)
     */
    static Expr after(List<SortKey> scan, List<Object> values, List<Boolean> nullable) {
        List<Expr> alternatives = new ArrayList<>();
        for (int i = 0; i < scan.size(); i++) {
            Expr after = after(scan.get(i), values.get(i), nullable.get(i));
            if (after == null) {
                continue;
            }
            List<Expr> all = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                // = null renders as IS NULL
                all.add(new Expr.Compare(Expr.Operator.EQ, scan.get(j).expression(), new Expr.Value(values.get(j))));
            }
            all.add(after);
            alternatives.add(all.size() == 1 ? all.get(0) : new Expr.And(all));
        }
        return new Expr.Or(alternatives);
    }

    private static Expr after(SortKey key, Object value, boolean nullable) {
        Expr expression = key.expression();
        if (value == null) {
            return key.nullsComeFirst() ? new Expr.Not(new Expr.IsNil(expression)) : null;
        }
        Expr beyond = new Expr.Compare(key.descending() ? Expr.Operator.LT : Expr.Operator.GT, expression, new Expr.Value(value));
        return key.nullsComeFirst() || !nullable ? beyond : new Expr.Or(List.of(beyond, new Expr.IsNil(expression)));
    }
}
