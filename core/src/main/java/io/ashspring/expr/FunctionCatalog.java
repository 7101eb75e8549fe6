package io.ashspring.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.ashspring.expr.ExpressionLexer.Token;
import io.ashspring.expr.ExpressionParser.Argument;

/**
 * The functions of the text syntax: each name turned into nodes, with its arguments checked and
 * errors pointing at the argument at fault. Names follow Ash where it has one
 * ({@code is_nil}, {@code ago}, {@code string_downcase}...).
 */
final class FunctionCatalog {

    /** Plain {@link Expr.Function}s, by name and alias. */
    private static final Map<String, Expr.Function> PLAIN = Map.ofEntries(
            Map.entry("lower", Expr.Function.LOWER), Map.entry("string_downcase", Expr.Function.LOWER),
            Map.entry("upper", Expr.Function.UPPER), Map.entry("string_upcase", Expr.Function.UPPER),
            Map.entry("length", Expr.Function.LENGTH), Map.entry("string_length", Expr.Function.LENGTH),
            Map.entry("trim", Expr.Function.TRIM), Map.entry("string_trim", Expr.Function.TRIM),
            Map.entry("like", Expr.Function.LIKE), Map.entry("ilike", Expr.Function.ILIKE),
            Map.entry("contains", Expr.Function.CONTAINS), Map.entry("starts_with", Expr.Function.STARTS_WITH),
            Map.entry("ends_with", Expr.Function.ENDS_WITH),
            Map.entry("trigram_similarity", Expr.Function.TRIGRAM_SIMILARITY),
            Map.entry("coalesce", Expr.Function.COALESCE), Map.entry("now", Expr.Function.NOW),
            Map.entry("today", Expr.Function.TODAY), Map.entry("cosine_distance", Expr.Function.COSINE_DISTANCE),
            Map.entry("l2_distance", Expr.Function.L2_DISTANCE));

    private static final List<String> SPECIAL = List.of("is_nil", "exists", "if", "case", "concat", "ago", "from_now",
            "datetime_add", "interval", "cast", "json", "json_text", "full_text", "full_text_rank", "fragment", "parent", "excluded");

    private FunctionCatalog() {
    }

    static Expr call(ExpressionParser parser, Token name, List<Argument> arguments) {
        String function = name.text().toLowerCase(Locale.ROOT);
        Expr.Function plain = PLAIN.get(function);
        if (plain != null) {
            arity(parser, name, arguments, plain.minArguments(), plain.maxArguments());
            return new Expr.Call(plain, arguments.stream().map(Argument::expr).toList());
        }
        switch (function) {
            case "is_nil":
                arity(parser, name, arguments, 1, 1);
                return new Expr.IsNil(arguments.get(0).expr());
            case "exists":
                return exists(parser, name, arguments);
            case "parent":
                arity(parser, name, arguments, 1, 1);
                return new Expr.Parent(arguments.get(0).expr());
            case "excluded":
                arity(parser, name, arguments, 1, 1);
                if (!(arguments.get(0).expr() instanceof Expr.Attr attr) || !attr.path().isEmpty()) {
                    throw parser.error(arguments.get(0).start(), "Expected an attribute name inside excluded( )");
                }
                return new Expr.Excluded(attr.name());
            case "if":
                arity(parser, name, arguments, 2, 3);
                Expr.Case branch = Expressions.caseWhen(arguments.get(0).expr(), arguments.get(1).expr());
                return arguments.size() == 3 ? branch.otherwise(arguments.get(2).expr()) : branch;
            case "case":
                return caseOf(parser, name, arguments);
            case "concat":
                arity(parser, name, arguments, 2, Integer.MAX_VALUE);
                return new Expr.Concat(arguments.stream().map(Argument::expr).toList());
            case "ago":
            case "from_now":
                arity(parser, name, arguments, 2, 2);
                Expr interval = new Expr.Interval(arguments.get(0).expr(), unit(parser, arguments.get(1)));
                return new Expr.Arithmetic(function.equals("ago") ? Expr.ArithmeticOperator.SUBTRACT
                        : Expr.ArithmeticOperator.ADD, Expressions.now(), interval);
            case "datetime_add":
                arity(parser, name, arguments, 3, 3);
                return new Expr.Arithmetic(Expr.ArithmeticOperator.ADD, arguments.get(0).expr(),
                        new Expr.Interval(arguments.get(1).expr(), unit(parser, arguments.get(2))));
            case "interval":
                arity(parser, name, arguments, 2, 2);
                return new Expr.Interval(arguments.get(0).expr(), unit(parser, arguments.get(1)));
            case "cast":
                arity(parser, name, arguments, 2, 2);
                return new Expr.Cast(arguments.get(0).expr(), castType(parser, arguments.get(1)));
            case "json":
            case "json_text":
                return json(parser, name, arguments, function.equals("json_text"));
            case "full_text":
            case "full_text_rank":
                arity(parser, name, arguments, 2, 3);
                String config = arguments.size() == 3 ? literal(parser, arguments.get(2), "a text search configuration "
                        + "such as 'english'") : "english";
                return function.equals("full_text")
                        ? new Expr.TextSearch(arguments.get(0).expr(), arguments.get(1).expr(), config)
                        : new Expr.TextRank(arguments.get(0).expr(), arguments.get(1).expr(), config);
            case "fragment":
                return fragment(parser, name, arguments);
            default:
                TreeSet<String> known = new TreeSet<>(PLAIN.keySet());
                known.addAll(SPECIAL);
                throw parser.error(name, "Unknown function '" + name.text() + "' (functions: "
                        + String.join(", ", known) + ")");
        }
    }

    private static Expr exists(ExpressionParser parser, Token name, List<Argument> arguments) {
        arity(parser, name, arguments, 1, 2);
        if (!(arguments.get(0).expr() instanceof Expr.Attr path)) {
            throw parser.error(arguments.get(0).start(), "exists takes a relationship path such as comments first");
        }
        List<String> relationships = new ArrayList<>(path.path());
        relationships.add(path.name());
        return new Expr.Exists(relationships, arguments.size() == 2 ? arguments.get(1).expr() : null);
    }

    /** {@code case(condition1, value1, condition2, value2, ..., otherwise)}. */
    private static Expr caseOf(ExpressionParser parser, Token name, List<Argument> arguments) {
        arity(parser, name, arguments, 2, Integer.MAX_VALUE);
        Expr.Case result = Expressions.caseWhen(arguments.get(0).expr(), arguments.get(1).expr());
        int i = 2;
        for (; i + 1 < arguments.size(); i += 2) {
            result = result.when(arguments.get(i).expr(), arguments.get(i + 1).expr());
        }
        return i < arguments.size() ? result.otherwise(arguments.get(i).expr()) : result;
    }

    private static Expr json(ExpressionParser parser, Token name, List<Argument> arguments, boolean asText) {
        arity(parser, name, arguments, 2, Integer.MAX_VALUE);
        List<Object> keys = new ArrayList<>();
        for (Argument argument : arguments.subList(1, arguments.size())) {
            if (argument.expr() instanceof Expr.Value value
                    && (value.value() instanceof String || value.value() instanceof Integer)) {
                keys.add(value.value());
            } else {
                throw parser.error(argument.start(), name.text() + " takes keys ('name') and indexes (0) after the document");
            }
        }
        return new Expr.JsonPath(arguments.get(0).expr(), keys, asText);
    }

    private static Expr fragment(ExpressionParser parser, Token name, List<Argument> arguments) {
        arity(parser, name, arguments, 1, Integer.MAX_VALUE);
        String sql = literal(parser, arguments.get(0), "the SQL text, a string with ? placeholders,");
        try {
            return new Expr.Fragment(sql, arguments.subList(1, arguments.size()).stream().map(Argument::expr).toList());
        } catch (IllegalArgumentException e) {
            throw parser.error(name, e.getMessage());
        }
    }

    private static DateUnit unit(ExpressionParser parser, Argument argument) {
        String unit = literal(parser, argument, "a unit of time such as 'day' or :day");
        try {
            return DateUnit.of(unit);
        } catch (IllegalArgumentException e) {
            throw parser.error(argument.start(), e.getMessage());
        }
    }

    private static CastType castType(ExpressionParser parser, Argument argument) {
        String type = literal(parser, argument, "a type such as 'integer' or :text");
        try {
            return CastType.of(type);
        } catch (IllegalArgumentException e) {
            throw parser.error(argument.start(), e.getMessage());
        }
    }

    private static String literal(ExpressionParser parser, Argument argument, String expected) {
        if (argument.expr() instanceof Expr.Value value && value.value() instanceof String text) {
            return text;
        }
        throw parser.error(argument.start(), "Expected " + expected + " here");
    }

    private static void arity(ExpressionParser parser, Token name, List<Argument> arguments, int min, int max) {
        if (arguments.size() < min || arguments.size() > max) {
            String expected = max == Integer.MAX_VALUE ? min + " or more" : min == max ? String.valueOf(min) : min + " to " + max;
            throw parser.error(name, name.text() + " takes " + expected + " argument" + (max == 1 ? "" : "s")
                    + " but was given " + arguments.size());
        }
    }
}
