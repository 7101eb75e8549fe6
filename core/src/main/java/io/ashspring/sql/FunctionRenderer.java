package io.ashspring.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.expr.Expr;
import io.ashspring.type.ValueLimits;

/**
 * Renders functions and the other nodes that map to one SQL construct each: built-in
 * {@link Expr.Call}s, intervals, casts, jsonb paths, full-text search and fragments.
 */
final class FunctionRenderer {

    /** The escape character of the {@code LIKE} patterns made for {@code contains}, {@code starts_with}, {@code ends_with}. */
    static final char LIKE_ESCAPE = '!';

    private FunctionRenderer() {
    }

    /** Whether a call renders as a bare predicate ({@code a LIKE b}) that needs parentheses inside other operators. */
    static boolean isBarePredicate(Expr.Function function) {
        return function == Expr.Function.LIKE || function == Expr.Function.ILIKE || function == Expr.Function.CONTAINS
                || function == Expr.Function.STARTS_WITH || function == Expr.Function.ENDS_WITH;
    }

    static void render(SqlBuilder sql, Scope scope, Expr expr) {
        if (expr instanceof Expr.Call call) {
            call(sql, scope, call);
        } else if (expr instanceof Expr.Interval interval) {
            sql.append("(");
            ExpressionRenderer.operand(sql, scope, interval.amount());
            // the unit comes from a closed enum, never from input
            sql.append(" * INTERVAL '1 ").append(interval.unit().label()).append("')");
        } else if (expr instanceof Expr.Cast cast) {
            sql.append("CAST(");
            ExpressionRenderer.operand(sql, scope, cast.operand());
            sql.append(" AS ").append(cast.type().sql()).append(")");
        } else if (expr instanceof Expr.JsonPath path) {
            sql.append("(");
            ExpressionRenderer.operand(sql, scope, path.operand());
            for (int i = 0; i < path.keys().size(); i++) {
                boolean last = i == path.keys().size() - 1;
                sql.append(last && path.asText() ? " ->> " : " -> ").bindRaw(path.keys().get(i));
            }
            sql.append(")");
        } else if (expr instanceof Expr.TextSearch search) {
            ExpressionRenderer.checkValues(sql, scope, List.of(search.document(), search.query()));
            tsvector(sql, scope, search.document(), search.config());
            sql.append(" @@ ");
            tsquery(sql, scope, search.query(), search.config());
        } else if (expr instanceof Expr.TextRank rank) {
            ExpressionRenderer.checkValues(sql, scope, List.of(rank.document(), rank.query()));
            sql.append("ts_rank(");
            tsvector(sql, scope, rank.document(), rank.config());
            sql.append(", ");
            tsquery(sql, scope, rank.query(), rank.config());
            sql.append(")");
        } else if (expr instanceof Expr.Fragment fragment) {
            fragment(sql, scope, fragment);
        } else {
            throw new IllegalStateException("The SQL compiler cannot render " + expr.getClass().getName());
        }
    }

    private static void call(SqlBuilder sql, Scope scope, Expr.Call call) {
        List<Expr> args = call.arguments();
        switch (call.function()) {
            case LOWER -> function(sql, scope, "lower", args);
            case UPPER -> function(sql, scope, "upper", args);
            case LENGTH -> function(sql, scope, "length", args);
            case TRIM -> function(sql, scope, "trim", args);
            case COALESCE -> function(sql, scope, "coalesce", args);
            case LIKE -> pattern(sql, scope, args.get(0), " LIKE ", args.get(1));
            case ILIKE -> pattern(sql, scope, args.get(0), " ILIKE ", args.get(1));
            case CONTAINS, STARTS_WITH, ENDS_WITH -> literalMatch(sql, scope, call.function(), args.get(0), args.get(1));
            case TRIGRAM_SIMILARITY -> {
                sql.needsExtension("pg_trgm", "trigram_similarity");
                function(sql, scope, "similarity", args);
            }
            case NOW -> sql.append("now()");
            case TODAY -> sql.append("CURRENT_DATE");
            case COSINE_DISTANCE -> vectorDistance(sql, scope, "cosine_distance", args.get(0), " <=> ", args.get(1));
            case L2_DISTANCE -> vectorDistance(sql, scope, "l2_distance", args.get(0), " <-> ", args.get(1));
            default -> throw new IllegalStateException("The SQL compiler cannot render the function " + call.function());
        }
    }

    private static void function(SqlBuilder sql, Scope scope, String name, List<Expr> args) {
        ExpressionRenderer.checkValues(sql, scope, args);
        sql.append(name).append("(");
        for (int i = 0; i < args.size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            ExpressionRenderer.operand(sql, scope, args.get(i));
        }
        sql.append(")");
    }

    private static void infix(SqlBuilder sql, Scope scope, Expr left, String operator, Expr right) {
        ExpressionRenderer.operand(sql, scope, left);
        sql.append(operator);
        ExpressionRenderer.operand(sql, scope, right);
    }

    /**
     * {@code like} and {@code ilike}: a pattern given as a value is checked first, since PostgreSQL
     * fails on an escape character at its end only once it meets a longer text.
     */
    private static void pattern(SqlBuilder sql, Scope scope, Expr text, String operator, Expr pattern) {
        if ((pattern instanceof Expr.Value || pattern instanceof Expr.Arg)
                && ExpressionRenderer.valueOf(sql, scope, pattern) instanceof String value) {
            ExpressionRenderer.refuse(scope, ExpressionRenderer.describe(text), ValueLimits.likePattern(value));
        }
        infix(sql, scope, text, operator, pattern);
    }

    /**
     * {@code contains}, {@code starts_with} and {@code ends_with}: with a value, a {@code LIKE} whose
     * pattern is the value with {@code %}, {@code _} and the escape character escaped (so an index
     * for {@code LIKE} still serves it); with another expression, a function that compares literally.
     */
    private static void literalMatch(SqlBuilder sql, Scope scope, Expr.Function function, Expr text, Expr part) {
        if (part instanceof Expr.Value || part instanceof Expr.Arg) {
            Object value = ExpressionRenderer.checked(scope, ExpressionRenderer.describe(text),
                    ExpressionRenderer.valueOf(sql, scope, part));
            ExpressionRenderer.operand(sql, scope, text);
            sql.append(" LIKE ");
            if (value == null) {
                sql.bindRaw(null); // SQL's null: matches nothing
            } else {
                String escaped = escapeLike(String.valueOf(SqlBuilder.literal(value)));
                sql.bindRaw(switch (function) {
                    case STARTS_WITH -> escaped + "%";
                    case ENDS_WITH -> "%" + escaped;
                    default -> "%" + escaped + "%";
                });
            }
            sql.append(" ESCAPE '" + LIKE_ESCAPE + "'");
            return;
        }
        switch (function) {
            case STARTS_WITH -> function(sql, scope, "starts_with", List.of(text, part));
            case ENDS_WITH -> {
                sql.append("right(");
                ExpressionRenderer.operand(sql, scope, text);
                sql.append(", length(");
                ExpressionRenderer.operand(sql, scope, part);
                sql.append(")) = ");
                ExpressionRenderer.operand(sql, scope, part);
            }
            default -> {
                sql.append("strpos(");
                ExpressionRenderer.operand(sql, scope, text);
                sql.append(", ");
                ExpressionRenderer.operand(sql, scope, part);
                sql.append(") > 0");
            }
        }
    }

    /** {@code 100%_sure!} → {@code 100!%!_sure!!}: every character of the value matches only itself. */
    static String escapeLike(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void vectorDistance(SqlBuilder sql, Scope scope, String feature, Expr left, String operator, Expr right) {
        sql.needsExtension("vector", feature);
        sql.append("(");
        vectorOperand(sql, scope, left);
        sql.append(operator);
        vectorOperand(sql, scope, right);
        sql.append(")");
    }

    /** A vector value is bound as pgvector's text form ({@code [1,2,3]}) and cast. */
    private static void vectorOperand(SqlBuilder sql, Scope scope, Expr expr) {
        if (expr instanceof Expr.Value || expr instanceof Expr.Arg) {
            Object value = ExpressionRenderer.valueOf(sql, scope, expr);
            sql.append("CAST(").bindRaw(vectorText(scope, value)).append(" AS vector)");
        } else {
            ExpressionRenderer.operand(sql, scope, expr);
        }
    }

    private static String vectorText(Scope scope, Object value) {
        List<Object> numbers = new ArrayList<>();
        if (value instanceof float[] floats) {
            for (float f : floats) {
                numbers.add(f);
            }
        } else if (value instanceof double[] doubles) {
            for (double d : doubles) {
                numbers.add(d);
            }
        } else if (value instanceof Collection<?> items) {
            numbers.addAll(items);
        } else {
            throw new InvalidQueryException(scope.resource().name(), "vector", "a vector is a float[], a double[] or a "
                    + "list of numbers, not " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        StringJoiner text = new StringJoiner(",", "[", "]");
        for (Object number : numbers) {
            if (!(number instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new InvalidQueryException(scope.resource().name(), "vector", "vector components must be finite numbers");
            }
            text.add(String.valueOf(n.doubleValue()));
        }
        return text.toString();
    }

    private static void tsvector(SqlBuilder sql, Scope scope, Expr document, String config) {
        sql.append("to_tsvector(").append(SqlIdentifiers.regconfig(config)).append(", ");
        ExpressionRenderer.operand(sql, scope, document);
        sql.append(")");
    }

    private static void tsquery(SqlBuilder sql, Scope scope, Expr query, String config) {
        sql.append("websearch_to_tsquery(").append(SqlIdentifiers.regconfig(config)).append(", ");
        ExpressionRenderer.operand(sql, scope, query);
        sql.append(")");
    }

    /** The developer's SQL with each placeholder replaced by its argument (values bound). */
    private static void fragment(SqlBuilder sql, Scope scope, Expr.Fragment fragment) {
        List<Integer> placeholders = fragment.placeholders();
        String text = fragment.sql();
        sql.append("(");
        int from = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            sql.append(text.substring(from, placeholders.get(i)));
            ExpressionRenderer.operand(sql, scope, fragment.arguments().get(i));
            from = placeholders.get(i) + 1;
        }
        sql.append(text.substring(from)).append(")");
    }
}
