package io.ashspring.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A node of the one expression tree used by filters and sorts (and, as the query engine grows,
 * calculations and aggregates). Build nodes with {@link Expressions} or parse them from text with
 * {@link Expressions#parse(String)}; the SQL compiler is the one place that renders them, binding
 * every value and quoting every name.
 *
 * <p>Nodes are plain data: records, compared by value, with no rendering logic of their own.
 */
public sealed interface Expr permits Expr.Attr, Expr.Value, Expr.Arg, Expr.Compare, Expr.In, Expr.IsNil, Expr.And,
        Expr.Or, Expr.Not, Expr.Arithmetic, Expr.Concat, Expr.Case, Expr.Call, Expr.Interval, Expr.Cast,
        Expr.JsonPath, Expr.TextSearch, Expr.TextRank, Expr.Fragment, Expr.Exists, Expr.Parent, Expr.Excluded {

    /**
     * A reference to an attribute: of the resource being queried ({@code subject}), or of a resource
     * reached through to-one relationships ({@code representative.name}).
     *
     * @param path the relationships walked, outermost first (empty for the resource's own attribute)
     * @param name the attribute (or a belongs_to relationship, meaning its key)
     */
    record Attr(List<String> path, String name) implements Expr {
        /** Canonical constructor: copies the path. */
        public Attr {
            path = List.copyOf(path);
            if (name == null || name.isBlank() || path.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("an attribute reference needs a name (and no empty path steps): "
                        + String.join(".", path) + (path.isEmpty() ? "" : ".") + name);
            }
        }

        /** From a dotted reference: {@code "representative.name"}. */
        public Attr(String reference) {
            this(pathOf(reference), last(reference));
        }

        /** The dotted reference, {@code representative.name}. */
        public String reference() {
            return path.isEmpty() ? name : String.join(".", path) + "." + name;
        }

        private static String[] split(String reference) {
            Objects.requireNonNull(reference, "reference");
            return reference.split("\\.", -1);
        }

        private static List<String> pathOf(String reference) {
            String[] parts = split(reference);
            return Arrays.asList(parts).subList(0, parts.length - 1);
        }

        private static String last(String reference) {
            String[] parts = split(reference);
            return parts[parts.length - 1];
        }
    }

    /** A value; always bound as a parameter, never written into SQL text. */
    record Value(Object value) implements Expr {
    }

    /**
     * A reference to an argument given when the query runs ({@code ^arg(min)} in text), bound as a
     * parameter like a value.
     *
     * @param name the argument's name
     */
    record Arg(String name) implements Expr {
        /** Canonical constructor. */
        public Arg {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an argument reference needs a name");
            }
        }
    }

    /** A comparison of two expressions; {@code = null} and {@code <> null} mean {@code IS [NOT] NULL}. */
    record Compare(Operator operator, Expr left, Expr right) implements Expr {
        /** Canonical constructor. */
        public Compare {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * Membership in a list: {@code operand IN (...)}; an empty list matches nothing.
     *
     * @param operand the tested expression
     * @param values a {@link Value} or {@link Arg} holding a collection
     */
    record In(Expr operand, Expr values) implements Expr {
        /** Canonical constructor. */
        public In {
            Objects.requireNonNull(operand, "operand");
            if (!(values instanceof Value) && !(values instanceof Arg)) {
                throw new IllegalArgumentException("in needs a list value or an argument, not " + values);
            }
        }
    }

    /** The expression is null. */
    record IsNil(Expr operand) implements Expr {
        /** Canonical constructor. */
        public IsNil {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** All of the expressions hold (an empty list always holds). */
    record And(List<Expr> operands) implements Expr {
        /** Canonical constructor: copies the list. */
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** Any of the expressions holds (an empty list never holds). */
    record Or(List<Expr> operands) implements Expr {
        /** Canonical constructor: copies the list. */
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** The expression does not hold. */
    record Not(Expr operand) implements Expr {
        /** Canonical constructor. */
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** Arithmetic on numbers, dates and intervals: {@code left + right}. */
    record Arithmetic(ArithmeticOperator operator, Expr left, Expr right) implements Expr {
        /** Canonical constructor. */
        public Arithmetic {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** String concatenation: {@code a || b || c} (null if any part is null, as in SQL). */
    record Concat(List<Expr> parts) implements Expr {
        /** Canonical constructor: copies the list. */
        public Concat {
            parts = List.copyOf(parts);
            if (parts.size() < 2) {
                throw new IllegalArgumentException("concatenation needs at least two parts");
            }
        }
    }

    /**
     * {@code CASE WHEN ... THEN ... ELSE ... END}: the value of the first branch whose condition
     * holds, else {@code otherwise} (null when there is none).
     *
     * @param branches the conditions and their values, in order
     * @param otherwise the value when no condition holds, or {@code null}
     */
    record Case(List<Branch> branches, Expr otherwise) implements Expr {
        /** Canonical constructor: copies the list. */
        public Case {
            branches = List.copyOf(branches);
            if (branches.isEmpty()) {
                throw new IllegalArgumentException("a case needs at least one branch");
            }
        }

        /** One more branch, tried after the others. */
        public Case when(Expr condition, Object then) {
            List<Branch> next = new ArrayList<>(branches);
            next.add(new Branch(condition, Expressions.operand(then)));
            return new Case(next, otherwise);
        }

        /** The value when no condition holds. */
        public Case otherwise(Object value) {
            return new Case(branches, Expressions.operand(value));
        }

        /** A condition and the value it gives. */
        public record Branch(Expr condition, Expr value) {
            /** Canonical constructor. */
            public Branch {
                Objects.requireNonNull(condition, "condition");
                Objects.requireNonNull(value, "value");
            }
        }
    }

    /** A built-in function applied to arguments. */
    record Call(Function function, List<Expr> arguments) implements Expr {
        /** Canonical constructor: copies the list and checks the number of arguments. */
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            function.checkArity(arguments.size());
        }
    }

    /** A span of time: {@code amount} times one {@code unit} (an SQL {@code interval}). */
    record Interval(Expr amount, DateUnit unit) implements Expr {
        /** Canonical constructor. */
        public Interval {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** A conversion to another PostgreSQL type: {@code CAST(operand AS type)}. */
    record Cast(Expr operand, CastType type) implements Expr {
        /** Canonical constructor. */
        public Cast {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A value inside a {@code jsonb} document: {@code operand -> 'a' -> 0 ->> 'b'}.
     *
     * @param operand the jsonb expression
     * @param keys object keys ({@code String}) and array indexes ({@code Integer}), outermost first; bound
     * @param asText {@code true}: the last step gives text ({@code ->>}); {@code false}: jsonb ({@code ->})
     */
    record JsonPath(Expr operand, List<Object> keys, boolean asText) implements Expr {
        /** Canonical constructor: copies the keys and checks their types. */
        public JsonPath {
            Objects.requireNonNull(operand, "operand");
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a json path needs at least one key");
            }
            for (Object key : keys) {
                if (!(key instanceof String) && !(key instanceof Integer)) {
                    throw new IllegalArgumentException("json path keys are strings or integers, not " + key);
                }
            }
        }
    }

    /**
     * Full-text search: {@code to_tsvector(config, document) @@ websearch_to_tsquery(config, query)};
     * the query reads like a search box ({@code "printer -paper"}, {@code "\"on fire\""}, {@code or}).
     *
     * @param document the searched text
     * @param query the search terms
     * @param config the text search configuration ({@code english}, {@code simple}...)
     */
    record TextSearch(Expr document, Expr query, String config) implements Expr {
        /** Canonical constructor. */
        public TextSearch {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(config, "config");
        }
    }

    /** How well a document matches a full-text query ({@code ts_rank}), for sorting. */
    record TextRank(Expr document, Expr query, String config) implements Expr {
        /** Canonical constructor. */
        public TextRank {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * Developer-written SQL with {@code ?} placeholders, each replaced by one argument (values are
     * bound). The text must never come from untrusted input. A {@code ?} inside quotes or a comment
     * is not a placeholder; write {@code ??} for a literal question mark operator.
     *
     * @param sql the SQL text
     * @param arguments one per placeholder
     */
    record Fragment(String sql, List<Expr> arguments) implements Expr {
        /** Canonical constructor: checks that the placeholders and arguments match. */
        public Fragment {
            Objects.requireNonNull(sql, "sql");
            arguments = List.copyOf(arguments);
            int placeholders = FragmentText.placeholders(sql).size();
            if (placeholders != arguments.size()) {
                throw new IllegalArgumentException("fragment \"" + sql + "\" has " + placeholders + " placeholder"
                        + (placeholders == 1 ? "" : "s") + " but " + arguments.size() + " argument"
                        + (arguments.size() == 1 ? "" : "s"));
            }
        }

        /** The offsets of the placeholders in {@link #sql()}, in order ({@code ??} is not one). */
        public List<Integer> placeholders() {
            return FragmentText.placeholders(sql);
        }
    }

    /**
     * Some record reached through a relationship path satisfies a condition: an {@code EXISTS}
     * subquery, so to-many relationships never multiply rows.
     *
     * @param path the relationships walked, outermost first
     * @param condition evaluated on the records at the end of the path, or {@code null} for "any"
     */
    record Exists(List<String> path, Expr condition) implements Expr {
        /** Canonical constructor: copies the path. */
        public Exists {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("exists needs a relationship path");
            }
        }
    }

    /**
     * An expression evaluated on the row a relationship starts from, inside {@code exists} or an
     * aggregate's filter ({@code parent(x)} in text, Ash's {@code parent/1}):
     * {@code exists(comments, authorId == parent(agentId))} compares each comment's author with its
     * ticket's agent. Used anywhere else it is an error.
     *
     * @param expression evaluated on the outer row
     */
    record Parent(Expr expression) implements Expr {
        /** Canonical constructor. */
        public Parent {
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * An attribute of the row an upsert proposed to insert ({@code excluded(views)} in text,
     * PostgreSQL's {@code EXCLUDED."views"}), in an upsert's field values and condition: what the
     * input gave, where the attribute itself is the stored row's. Used anywhere else it is an error.
     *
     * @param attribute the attribute's name
     */
    record Excluded(String attribute) implements Expr {
        /** Canonical constructor. */
        public Excluded {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /** Comparison operators. */
    enum Operator {
        /** {@code =}; comparing with a null value becomes {@code IS NULL}. */
        EQ("="),
        /** {@code <>}; comparing with a null value becomes {@code IS NOT NULL}. */
        NE("<>"),
        /** {@code <}. */
        LT("<"),
        /** {@code <=}. */
        LE("<="),
        /** {@code >}. */
        GT(">"),
        /** {@code >=}. */
        GE(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The SQL operator. */
        public String sql() {
            return sql;
        }
    }

    /** Arithmetic operators; integer division truncates, as in PostgreSQL. */
    enum ArithmeticOperator {
        /** {@code +}. */
        ADD("+"),
        /** {@code -}. */
        SUBTRACT("-"),
        /** {@code *}. */
        MULTIPLY("*"),
        /** {@code /}. */
        DIVIDE("/");

        private final String sql;

        ArithmeticOperator(String sql) {
            this.sql = sql;
        }

        /** The SQL operator. */
        public String sql() {
            return sql;
        }
    }

    /** The built-in functions of {@link Call}, with the number of arguments each takes. */
    enum Function {
        /** {@code lower(text)}. */
        LOWER(1, 1),
        /** {@code upper(text)}. */
        UPPER(1, 1),
        /** {@code length(text)}, in characters. */
        LENGTH(1, 1),
        /** {@code trim(text)}: without leading and trailing spaces. */
        TRIM(1, 1),
        /** {@code text LIKE pattern} (case-sensitive; {@code %} and {@code _} are wildcards). */
        LIKE(2, 2),
        /** {@code text ILIKE pattern} (case-insensitive). */
        ILIKE(2, 2),
        /** The text contains the other literally ({@code %} and {@code _} are not wildcards). */
        CONTAINS(2, 2),
        /** The text starts with the other literally. */
        STARTS_WITH(2, 2),
        /** The text ends with the other literally. */
        ENDS_WITH(2, 2),
        /** {@code similarity(a, b)} of pg_trgm: 0 (nothing alike) to 1 (the same trigrams). */
        TRIGRAM_SIMILARITY(2, 2),
        /** The first argument that is not null. */
        COALESCE(1, Integer.MAX_VALUE),
        /** The current timestamp (the transaction's start). */
        NOW(0, 0),
        /** The current date. */
        TODAY(0, 0),
        /** pgvector cosine distance {@code <=>}. */
        COSINE_DISTANCE(2, 2),
        /** pgvector Euclidean (L2) distance {@code <->}. */
        L2_DISTANCE(2, 2);

        private final int minArguments;
        private final int maxArguments;

        Function(int minArguments, int maxArguments) {
            this.minArguments = minArguments;
            this.maxArguments = maxArguments;
        }

        /** The name in expression text: {@code trigram_similarity}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The fewest arguments the function takes. */
        public int minArguments() {
            return minArguments;
        }

        /** The most arguments the function takes. */
        public int maxArguments() {
            return maxArguments;
        }

        void checkArity(int count) {
            if (count < minArguments || count > maxArguments) {
                throw new IllegalArgumentException(label() + " takes " + arity() + ", not " + count);
            }
        }

        /** "2 arguments", "1 or more arguments". */
        String arity() {
            if (maxArguments == Integer.MAX_VALUE) {
                return minArguments + " or more arguments";
            }
            return minArguments == maxArguments ? minArguments + (minArguments == 1 ? " argument" : " arguments")
                    : minArguments + " to " + maxArguments + " arguments";
        }
    }
}
