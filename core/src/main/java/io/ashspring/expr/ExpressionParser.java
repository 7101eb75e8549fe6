package io.ashspring.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ashspring.error.ExpressionSyntaxException;
import io.ashspring.expr.ExpressionLexer.Kind;
import io.ashspring.expr.ExpressionLexer.Token;

/**
 * Parses the short text syntax of expressions into the nodes {@link Expressions} builds, for
 * annotations and configuration. Operators, loosest first:
 *
 * <ol>
 * <li>{@code or}</li>
 * <li>{@code and}</li>
 * <li>{@code not}</li>
 * <li>{@code ==  !=  <  <=  >  >=  in  not in  like  ilike} (one per comparison, no chains)</li>
 * <li>{@code ||} (string concatenation)</li>
 * <li>{@code +  -}</li>
 * <li>{@code *  /}</li>
 * <li>unary {@code -}; {@code doc['key'][0]} (text inside jsonb)</li>
 * </ol>
 *
 * Operands: attributes ({@code priority}, {@code representative.name}), strings ({@code 'open'},
 * {@code "open"}, with {@code \} or a doubled quote as escape), numbers, {@code true},
 * {@code false}, {@code nil}/{@code null}, atoms ({@code :open} is the string {@code "open"}),
 * lists of literals ({@code ['open', 'closed']}), arguments ({@code ^arg(min)}), parentheses
 * and function calls: {@code is_nil}, {@code exists}, {@code if}, {@code case}, {@code lower},
 * {@code upper}, {@code length}, {@code trim}, {@code like}, {@code ilike}, {@code contains},
 * {@code starts_with}, {@code ends_with}, {@code trigram_similarity}, {@code coalesce},
 * {@code concat}, {@code now}, {@code today}, {@code ago}, {@code from_now},
 * {@code datetime_add}, {@code interval}, {@code cast}, {@code json}, {@code json_text},
 * {@code full_text}, {@code full_text_rank}, {@code cosine_distance}, {@code l2_distance},
 * {@code fragment}.
 *
 * <p>Errors are {@link ExpressionSyntaxException}s pointing at the column at fault.
 */
public final class ExpressionParser {

    private final String text;
    private final List<Token> tokens;
    private int index;

    private ExpressionParser(String text) {
        this.text = text;
        this.tokens = ExpressionLexer.tokens(text);
    }

    /**
     * Parses expression text.
     *
     * @throws ExpressionSyntaxException pointing at the column at fault
     */
    public static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionSyntaxException(text == null ? "" : text, 0, "Expected an expression but the text is empty");
        }
        ExpressionParser parser = new ExpressionParser(text);
        Expr expr = parser.or();
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.error(end, "Expected and, or or the end of the text but found " + end.describe());
        }
        return expr;
    }

    // ---- precedence levels --------------------------------------------------------------------

    private Expr or() {
        List<Expr> operands = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("or")) {
            index++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
    }

    private Expr and() {
        List<Expr> operands = new ArrayList<>(List.of(not()));
        while (peek().isKeyword("and")) {
            index++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
    }

    private Expr not() {
        if (peek().isKeyword("not")) {
            index++;
            return new Expr.Not(not());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = concat();
        Expr result = comparisonTail(left);
        if (result != left && isComparison(peek())) {
            throw error(peek(), "Comparisons cannot be chained: combine them with and");
        }
        return result;
    }

    private Expr comparisonTail(Expr left) {
        Token token = peek();
        Expr.Operator operator = operator(token);
        if (operator != null) {
            index++;
            return new Expr.Compare(operator, left, concat());
        }
        if (token.isKeyword("in")) {
            index++;
            return new Expr.In(left, list());
        }
        if (token.isKeyword("not") && lookAhead(1).isKeyword("in")) {
            index += 2;
            return new Expr.Not(new Expr.In(left, list()));
        }
        if (token.isKeyword("like") || token.isKeyword("ilike")) {
            index++;
            Expr.Function function = token.isKeyword("like") ? Expr.Function.LIKE : Expr.Function.ILIKE;
            return new Expr.Call(function, List.of(left, concat()));
        }
        return left;
    }

    private Expr list() {
        Token start = peek();
        if (start.is("^")) {
            return argument(next());
        }
        Expr list = primary();
        if (!(list instanceof Expr.Value value) || !(value.value() instanceof List<?>)) {
            throw error(start, "Expected a list such as ['open', 'closed'] or ^arg(name) after in");
        }
        return list;
    }

    private Expr concat() {
        List<Expr> parts = new ArrayList<>(List.of(additive()));
        while (peek().is("||")) {
            index++;
            parts.add(additive());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Concat(parts);
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            Expr.ArithmeticOperator operator = next().is("+") ? Expr.ArithmeticOperator.ADD : Expr.ArithmeticOperator.SUBTRACT;
            left = new Expr.Arithmetic(operator, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/")) {
            Expr.ArithmeticOperator operator = next().is("*") ? Expr.ArithmeticOperator.MULTIPLY : Expr.ArithmeticOperator.DIVIDE;
            left = new Expr.Arithmetic(operator, left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (peek().is("-")) {
            index++;
            if (peek().kind() == Kind.NUMBER) {
                return new Expr.Value(negate(next().value()));
            }
            return new Expr.Arithmetic(Expr.ArithmeticOperator.SUBTRACT, new Expr.Value(0), unary());
        }
        return postfix();
    }

    private Expr postfix() {
        Expr operand = primary();
        List<Object> keys = new ArrayList<>();
        while (peek().is("[")) {
            index++;
            Token key = next();
            if (key.kind() == Kind.STRING || key.kind() == Kind.ATOM) {
                keys.add(key.text());
            } else if (key.kind() == Kind.NUMBER && key.value() instanceof Integer i) {
                keys.add(i);
            } else {
                throw error(key, "Expected a key ('name') or an index (0) inside [ ] but found " + key.describe());
            }
            expect("]");
        }
        return keys.isEmpty() ? operand : new Expr.JsonPath(operand, keys, true);
    }

    private Expr primary() {
        Token token = next();
        switch (token.kind()) {
            case NUMBER:
                return new Expr.Value(token.value());
            case STRING:
            case ATOM:
                return new Expr.Value(token.text());
            case IDENTIFIER:
                return identifier(token);
            case OPERATOR:
                if (token.is("(")) {
                    Expr inner = or();
                    expect(")");
                    return inner;
                }
                if (token.is("[")) {
                    return new Expr.Value(literalList());
                }
                if (token.is("^")) {
                    return argument(token);
                }
                throw error(token, "Expected an operand but found " + token.describe());
            default:
                throw error(token, "Expected an operand but found " + token.describe());
        }
    }

    private Expr identifier(Token token) {
        String word = token.text().toLowerCase(Locale.ROOT);
        switch (word) {
            case "true":
                return new Expr.Value(Boolean.TRUE);
            case "false":
                return new Expr.Value(Boolean.FALSE);
            case "nil":
            case "null":
                return new Expr.Value(null);
            case "like": case "ilike":
                if (peek().is("(")) {
                    break; // like(name, '%x%'): the function form of the operator
                }
                throw error(token, "Expected an operand but found the keyword '" + token.text() + "'");
            case "and": case "or": case "not": case "in":
                throw error(token, "Expected an operand but found the keyword '" + token.text() + "'");
            default:
                break;
        }
        if (peek().is("(")) {
            index++;
            List<Argument> arguments = new ArrayList<>();
            if (!peek().is(")")) {
                do {
                    Token start = peek();
                    arguments.add(new Argument(or(), start));
                } while (accept(","));
            }
            expect(")");
            return FunctionCatalog.call(this, token, arguments);
        }
        List<String> names = new ArrayList<>(List.of(token.text()));
        while (peek().is(".")) {
            index++;
            Token part = next();
            if (part.kind() != Kind.IDENTIFIER) {
                throw error(part, "Expected a name after '.' but found " + part.describe());
            }
            names.add(part.text());
        }
        return new Expr.Attr(names.subList(0, names.size() - 1), names.get(names.size() - 1));
    }

    /** {@code ^arg(name)}, after its caret. */
    private Expr argument(Token caret) {
        Token name = next();
        if (!name.isKeyword("arg") || !peek().is("(")) {
            throw error(caret, "Expected ^arg(name)");
        }
        index++;
        Token argument = next();
        if (argument.kind() != Kind.IDENTIFIER) {
            throw error(argument, "Expected an argument name inside ^arg( ) but found " + argument.describe());
        }
        expect(")");
        return new Expr.Arg(argument.text());
    }

    private List<Object> literalList() {
        List<Object> values = new ArrayList<>();
        if (accept("]")) {
            return values;
        }
        do {
            Token start = peek();
            Expr item = unary();
            if (!(item instanceof Expr.Value value) || value.value() instanceof List<?>) {
                throw error(start, "Lists hold literal values only (strings, numbers, true, false, nil)");
            }
            values.add(value.value());
        } while (accept(","));
        expect("]");
        return values;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A parsed function argument and the token it started at (for errors). */
    record Argument(Expr expr, Token start) {
    }

    private static Expr.Operator operator(Token token) {
        if (token.kind() != Kind.OPERATOR) {
            return null;
        }
        return switch (token.text()) {
            case "==" -> Expr.Operator.EQ;
            case "!=" -> Expr.Operator.NE;
            case "<" -> Expr.Operator.LT;
            case "<=" -> Expr.Operator.LE;
            case ">" -> Expr.Operator.GT;
            case ">=" -> Expr.Operator.GE;
            default -> null;
        };
    }

    private static boolean isComparison(Token token) {
        return operator(token) != null || token.isKeyword("in") || token.isKeyword("like") || token.isKeyword("ilike");
    }

    private static Object negate(Object number) {
        if (number instanceof Integer i) {
            return -i;
        }
        if (number instanceof Long l) {
            return -l;
        }
        return ((java.math.BigDecimal) number).negate();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token lookAhead(int distance) {
        return tokens.get(Math.min(index + distance, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    private boolean accept(String operator) {
        if (peek().is(operator)) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(String operator) {
        Token token = peek();
        if (!token.is(operator)) {
            throw error(token, "Expected '" + operator + "' but found " + token.describe());
        }
        index++;
    }

    ExpressionSyntaxException error(Token token, String reason) {
        return new ExpressionSyntaxException(text, token.offset(), reason);
    }
}
