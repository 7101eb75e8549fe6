package io.ashspring.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Static factories for expressions; import them statically:
 *
 * <pre>{@code
 * import static io.ashspring.expr.Expressions.*;
 *
 * tickets.read(q -> q.filter(and(eq("status", Status.OPEN), gt("priority", 3))));
 * tickets.read(q -> q.filter(ilike("representative.name", "%ann%")));
 * tickets.read(q -> q.filter(exists("comments", contains("body", "refund"))));
 * tickets.read(q -> q.filter(gt(trigramSimilarity("subject", "printer"), 0.3)));
 * tickets.read(q -> q.filter("status == 'open' and priority > ^arg(min)").argument("min", 3));
 * }</pre>
 *
 * <p>Conventions: where a factory takes a {@code String} for the expression it tests or
 * transforms (the first argument of {@code eq}, {@code like}, {@code lower}...), the string names an
 * attribute, possibly through to-one relationships ({@code "representative.name"}). Every other
 * plain Java object is a value, bound as a parameter; pass an {@link Expr} (such as
 * {@link #attr(String)}) to use an attribute there instead.
 */
public final class Expressions {

    private Expressions() {
    }

    // ---- leaves -------------------------------------------------------------------------------

    /** A reference to an attribute, possibly through to-one relationships: {@code "representative.name"}. */
    public static Expr.Attr attr(String reference) {
        return new Expr.Attr(reference);
    }

    /** A bound value. */
    public static Expr value(Object value) {
        return new Expr.Value(value);
    }

    /** A reference to an argument given when the query runs ({@code Query.argument(name, value)}). */
    public static Expr arg(String name) {
        return new Expr.Arg(name);
    }

    /** The expression itself, or a bound value for any other object. */
    public static Expr operand(Object expressionOrValue) {
        return expressionOrValue instanceof Expr expr ? expr : new Expr.Value(expressionOrValue);
    }

    /**
     * Parses expression text into the same nodes the builder makes:
     * {@code status == 'open' and priority > ^arg(min)}. The syntax is described on
     * {@link ExpressionParser}.
     *
     * @throws io.ashspring.error.ExpressionSyntaxException pointing at the column at fault
     */
    public static Expr parse(String text) {
        return ExpressionParser.parse(text);
    }

    /**
     * An atomic update value: expression text evaluated by PostgreSQL against the row being
     * updated, so that concurrent updates all count:
     * {@code tickets.update(id, Map.of("priority", atomic("priority + 1")))} runs
     * {@code SET "priority" = (t0."priority" + ?)}. The same as {@link #parse}: any {@link Expr}
     * given as an update value is atomic; this name says why it is there. Attributes of the row
     * itself only (no relationship paths or aggregates); values and {@code ^arg(name)} (the
     * action's arguments) are bound.
     *
     * @throws io.ashspring.error.ExpressionSyntaxException pointing at the column at fault
     */
    public static Expr atomic(String text) {
        return parse(text);
    }

    /**
     * An attribute of the row an upsert proposed (what the input gave), for upsert fields and
     * conditions: {@code Map.of("views", add(attr("views"), excluded("views")))} adds the new count
     * to the stored one; {@code excluded(views)} in text.
     */
    public static Expr excluded(String attribute) {
        return new Expr.Excluded(attribute);
    }

    // ---- comparisons --------------------------------------------------------------------------

    /** {@code attribute = value} ({@code IS NULL} for a null value). */
    public static Expr eq(String attribute, Object value) {
        return eq(attr(attribute), value);
    }

    /** {@code left = right} ({@code IS NULL} when one side is a null value). */
    public static Expr eq(Expr left, Object right) {
        return new Expr.Compare(Expr.Operator.EQ, left, operand(right));
    }

    /** {@code attribute <> value} ({@code IS NOT NULL} for a null value). */
    public static Expr ne(String attribute, Object value) {
        return ne(attr(attribute), value);
    }

    /** {@code left <> right} ({@code IS NOT NULL} when one side is a null value). */
    public static Expr ne(Expr left, Object right) {
        return new Expr.Compare(Expr.Operator.NE, left, operand(right));
    }

    /** {@code attribute < value}. */
    public static Expr lt(String attribute, Object value) {
        return lt(attr(attribute), value);
    }

    /** {@code left < right}. */
    public static Expr lt(Expr left, Object right) {
        return new Expr.Compare(Expr.Operator.LT, left, operand(right));
    }

    /** {@code attribute <= value}. */
    public static Expr le(String attribute, Object value) {
        return le(attr(attribute), value);
    }

    /** {@code left <= right}. */
    public static Expr le(Expr left, Object right) {
        return new Expr.Compare(Expr.Operator.LE, left, operand(right));
    }

    /** {@code attribute > value}. */
    public static Expr gt(String attribute, Object value) {
        return gt(attr(attribute), value);
    }

    /** {@code left > right}. */
    public static Expr gt(Expr left, Object right) {
        return new Expr.Compare(Expr.Operator.GT, left, operand(right));
    }

    /** {@code attribute >= value}. */
    public static Expr ge(String attribute, Object value) {
        return ge(attr(attribute), value);
    }

    /** {@code left >= right}. */
    public static Expr ge(Expr left, Object right) {
        return new Expr.Compare(Expr.Operator.GE, left, operand(right));
    }

    /** {@code attribute IN (values...)}; an empty collection matches nothing. */
    public static Expr in(String attribute, Collection<?> values) {
        return in(attr(attribute), values);
    }

    /** {@code attribute IN (values...)}. */
    public static Expr in(String attribute, Object... values) {
        return in(attr(attribute), Arrays.asList(values));
    }

    /** {@code attribute IN (...)} of a list given as an argument or value expression. */
    public static Expr in(String attribute, Expr values) {
        return new Expr.In(attr(attribute), values);
    }

    /** {@code operand IN (values...)}. */
    public static Expr in(Expr operand, Collection<?> values) {
        return new Expr.In(operand, new Expr.Value(new ArrayList<>(values)));
    }

    /** {@code operand IN (...)} of a list given as an argument or value expression. */
    public static Expr in(Expr operand, Expr values) {
        return new Expr.In(operand, values);
    }

    /** {@code attribute IS NULL}. */
    public static Expr isNil(String attribute) {
        return isNil(attr(attribute));
    }

    /** {@code operand IS NULL}. */
    public static Expr isNil(Expr operand) {
        return new Expr.IsNil(operand);
    }

    // ---- logic --------------------------------------------------------------------------------

    /** All hold. */
    public static Expr and(Expr... operands) {
        return operands.length == 1 ? operands[0] : new Expr.And(List.of(operands));
    }

    /** All hold. */
    public static Expr and(List<? extends Expr> operands) {
        return operands.size() == 1 ? operands.get(0) : new Expr.And(List.copyOf(operands));
    }

    /** Any holds. */
    public static Expr or(Expr... operands) {
        return operands.length == 1 ? operands[0] : new Expr.Or(List.of(operands));
    }

    /** Any holds. */
    public static Expr or(List<? extends Expr> operands) {
        return operands.size() == 1 ? operands.get(0) : new Expr.Or(List.copyOf(operands));
    }

    /** Does not hold. */
    public static Expr not(Expr operand) {
        return new Expr.Not(operand);
    }

    /** {@code CASE WHEN condition THEN value ... END}; add branches with {@link Expr.Case#when}. */
    public static Expr.Case caseWhen(Expr condition, Object value) {
        return new Expr.Case(List.of(new Expr.Case.Branch(condition, operand(value))), null);
    }

    /** {@code CASE WHEN condition THEN then ELSE otherwise END}: Ash's {@code if}. */
    public static Expr.Case ifThenElse(Expr condition, Object then, Object otherwise) {
        return caseWhen(condition, then).otherwise(otherwise);
    }

    // ---- arithmetic and text ------------------------------------------------------------------

    /** {@code attribute + right}. */
    public static Expr add(String attribute, Object right) {
        return add(attr(attribute), right);
    }

    /** {@code left + right}. */
    public static Expr add(Expr left, Object right) {
        return new Expr.Arithmetic(Expr.ArithmeticOperator.ADD, left, operand(right));
    }

    /** {@code attribute - right}. */
    public static Expr subtract(String attribute, Object right) {
        return subtract(attr(attribute), right);
    }

    /** {@code left - right}. */
    public static Expr subtract(Expr left, Object right) {
        return new Expr.Arithmetic(Expr.ArithmeticOperator.SUBTRACT, left, operand(right));
    }

    /** {@code attribute * right}. */
    public static Expr multiply(String attribute, Object right) {
        return multiply(attr(attribute), right);
    }

    /** {@code left * right}. */
    public static Expr multiply(Expr left, Object right) {
        return new Expr.Arithmetic(Expr.ArithmeticOperator.MULTIPLY, left, operand(right));
    }

    /** {@code attribute / right} (integer division truncates). */
    public static Expr divide(String attribute, Object right) {
        return divide(attr(attribute), right);
    }

    /** {@code left / right} (integer division truncates). */
    public static Expr divide(Expr left, Object right) {
        return new Expr.Arithmetic(Expr.ArithmeticOperator.DIVIDE, left, operand(right));
    }

    /**
     * {@code a || b || ...}; plain objects (strings too) are values: {@code concat(attr("name"), " <", attr("email"), ">")}.
     * Null if any part is null, as in SQL.
     */
    public static Expr concat(Object... parts) {
        return new Expr.Concat(Arrays.stream(parts).map(Expressions::operand).toList());
    }

    /** {@code lower(attribute)}. */
    public static Expr lower(String attribute) {
        return lower(attr(attribute));
    }

    /** {@code lower(text)}. */
    public static Expr lower(Expr text) {
        return call(Expr.Function.LOWER, text);
    }

    /** {@code upper(attribute)}. */
    public static Expr upper(String attribute) {
        return upper(attr(attribute));
    }

    /** {@code upper(text)}. */
    public static Expr upper(Expr text) {
        return call(Expr.Function.UPPER, text);
    }

    /** {@code length(attribute)}, in characters. */
    public static Expr length(String attribute) {
        return length(attr(attribute));
    }

    /** {@code length(text)}, in characters. */
    public static Expr length(Expr text) {
        return call(Expr.Function.LENGTH, text);
    }

    /** {@code trim(attribute)}. */
    public static Expr trim(String attribute) {
        return trim(attr(attribute));
    }

    /** {@code trim(text)}. */
    public static Expr trim(Expr text) {
        return call(Expr.Function.TRIM, text);
    }

    /** The first of the expressions that is not null; plain objects are values. */
    public static Expr coalesce(Object... values) {
        return new Expr.Call(Expr.Function.COALESCE, Arrays.stream(values).map(Expressions::operand).toList());
    }

    /** {@code attribute LIKE pattern}: case-sensitive, {@code %} and {@code _} are wildcards. */
    public static Expr like(String attribute, Object pattern) {
        return like(attr(attribute), pattern);
    }

    /** {@code text LIKE pattern}. */
    public static Expr like(Expr text, Object pattern) {
        return call(Expr.Function.LIKE, text, operand(pattern));
    }

    /** {@code attribute ILIKE pattern}: case-insensitive, {@code %} and {@code _} are wildcards. */
    public static Expr ilike(String attribute, Object pattern) {
        return ilike(attr(attribute), pattern);
    }

    /** {@code text ILIKE pattern}. */
    public static Expr ilike(Expr text, Object pattern) {
        return call(Expr.Function.ILIKE, text, operand(pattern));
    }

    /** The attribute contains the text literally (case-sensitive; {@code %} and {@code _} match themselves). */
    public static Expr contains(String attribute, Object substring) {
        return contains(attr(attribute), substring);
    }

    /** The text contains the other literally. */
    public static Expr contains(Expr text, Object substring) {
        return call(Expr.Function.CONTAINS, text, operand(substring));
    }

    /** The attribute starts with the text literally. */
    public static Expr startsWith(String attribute, Object prefix) {
        return startsWith(attr(attribute), prefix);
    }

    /** The text starts with the other literally. */
    public static Expr startsWith(Expr text, Object prefix) {
        return call(Expr.Function.STARTS_WITH, text, operand(prefix));
    }

    /** The attribute ends with the text literally. */
    public static Expr endsWith(String attribute, Object suffix) {
        return endsWith(attr(attribute), suffix);
    }

    /** The text ends with the other literally. */
    public static Expr endsWith(Expr text, Object suffix) {
        return call(Expr.Function.ENDS_WITH, text, operand(suffix));
    }

    /**
     * pg_trgm's {@code similarity(attribute, text)}, from 0 to 1: {@code gt(trigramSimilarity("name", "fred"), 0.8)}.
     * Needs the {@code pg_trgm} extension.
     */
    public static Expr trigramSimilarity(String attribute, Object text) {
        return trigramSimilarity(attr(attribute), text);
    }

    /** pg_trgm's {@code similarity(a, b)}. */
    public static Expr trigramSimilarity(Expr text, Object other) {
        return call(Expr.Function.TRIGRAM_SIMILARITY, text, operand(other));
    }

    /** Full-text search of an attribute with the {@code english} configuration. */
    public static Expr fullText(String attribute, Object query) {
        return fullText(attr(attribute), query, "english");
    }

    /**
     * Full-text search: {@code to_tsvector(config, document) @@ websearch_to_tsquery(config, query)}.
     *
     * @param config a text search configuration name such as {@code english} or {@code simple}
     */
    public static Expr fullText(Expr document, Object query, String config) {
        return new Expr.TextSearch(document, operand(query), config);
    }

    /** How well an attribute matches a full-text query ({@code ts_rank}, {@code english}); sort by it descending. */
    public static Expr fullTextRank(String attribute, Object query) {
        return fullTextRank(attr(attribute), query, "english");
    }

    /** How well a document matches a full-text query ({@code ts_rank}). */
    public static Expr fullTextRank(Expr document, Object query, String config) {
        return new Expr.TextRank(document, operand(query), config);
    }

    // ---- dates, casts, json -------------------------------------------------------------------

    /** The current timestamp ({@code now()}: the start of the transaction). */
    public static Expr now() {
        return call(Expr.Function.NOW);
    }

    /** The current date. */
    public static Expr today() {
        return call(Expr.Function.TODAY);
    }

    /** {@code amount} units of time, an SQL interval; the amount is a number or an expression. */
    public static Expr interval(Object amount, DateUnit unit) {
        return new Expr.Interval(operand(amount), unit);
    }

    /** {@code now() - amount units}: {@code gt("insertedAt", ago(3, DAY))}. */
    public static Expr ago(Object amount, DateUnit unit) {
        return subtract(now(), interval(amount, unit));
    }

    /** {@code now() + amount units}. */
    public static Expr fromNow(Object amount, DateUnit unit) {
        return add(now(), interval(amount, unit));
    }

    /** {@code attribute + amount units} (negative amounts go back in time). */
    public static Expr datetimeAdd(String attribute, Object amount, DateUnit unit) {
        return datetimeAdd(attr(attribute), amount, unit);
    }

    /** {@code datetime + amount units}. */
    public static Expr datetimeAdd(Expr datetime, Object amount, DateUnit unit) {
        return add(datetime, interval(amount, unit));
    }

    /** {@code CAST(attribute AS type)}. */
    public static Expr cast(String attribute, CastType type) {
        return cast(attr(attribute), type);
    }

    /** {@code CAST(operand AS type)}. */
    public static Expr cast(Expr operand, CastType type) {
        return new Expr.Cast(operand, type);
    }

    /** The text at a path inside a jsonb attribute: {@code jsonText("specs", "size", "width")} → {@code specs -> 'size' ->> 'width'}. */
    public static Expr jsonText(String attribute, Object... keys) {
        return new Expr.JsonPath(attr(attribute), Arrays.asList(keys), true);
    }

    /** The jsonb value at a path inside a jsonb attribute ({@code ->}). */
    public static Expr json(String attribute, Object... keys) {
        return new Expr.JsonPath(attr(attribute), Arrays.asList(keys), false);
    }

    // ---- relationships, fragments, vectors ----------------------------------------------------

    /**
     * An attribute of the row a relationship starts from, inside {@link #exists(String, Expr)} or an
     * aggregate's filter: {@code exists("comments", eq("author", parent("agent")))}.
     */
    public static Expr parent(String attribute) {
        return new Expr.Parent(attr(attribute));
    }

    /** An expression evaluated on the row a relationship starts from (see {@link #parent(String)}). */
    public static Expr parent(Expr expression) {
        return new Expr.Parent(expression);
    }

    /** Some record reached through the relationship path exists: {@code exists("comments")}. */
    public static Expr exists(String relationshipPath) {
        return new Expr.Exists(List.of(relationshipPath.split("\\.", -1)), null);
    }

    /**
     * Some record reached through the relationship path satisfies the condition, whose attributes
     * are those of the related resource: {@code exists("comments", ilike("body", "%refund%"))}.
     */
    public static Expr exists(String relationshipPath, Expr condition) {
        return new Expr.Exists(List.of(relationshipPath.split("\\.", -1)), condition);
    }

    /**
     * Developer-written SQL with one {@code ?} per argument: {@code fragment("date_part('dow', ?) = ?", attr("insertedAt"), 1)}.
     * Plain objects are bound values. Never build the text from untrusted input.
     *
     * @throws IllegalArgumentException when the placeholders and the arguments do not match in number
     */
    public static Expr fragment(String sql, Object... arguments) {
        return new Expr.Fragment(sql, Arrays.stream(arguments).map(Expressions::operand).toList());
    }

    /** pgvector cosine distance {@code attribute <=> vector} (a {@code float[]}, {@code double[]} or list of numbers). */
    public static Expr cosineDistance(String attribute, Object vector) {
        return cosineDistance(attr(attribute), vector);
    }

    /** pgvector cosine distance {@code a <=> b}. */
    public static Expr cosineDistance(Expr left, Object right) {
        return call(Expr.Function.COSINE_DISTANCE, left, operand(right));
    }

    /** pgvector Euclidean distance {@code attribute <-> vector}. */
    public static Expr l2Distance(String attribute, Object vector) {
        return l2Distance(attr(attribute), vector);
    }

    /** pgvector Euclidean distance {@code a <-> b}. */
    public static Expr l2Distance(Expr left, Object right) {
        return call(Expr.Function.L2_DISTANCE, left, operand(right));
    }

    private static Expr call(Expr.Function function, Expr... arguments) {
        return new Expr.Call(function, List.of(arguments));
    }
}
