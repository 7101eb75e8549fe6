package io.ashspring.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.ashspring.error.ExpressionSyntaxException;

/** Splits expression text into tokens, each knowing where it starts (for error carets). */
final class ExpressionLexer {

    /** The kinds of token. */
    enum Kind {
        IDENTIFIER, NUMBER, STRING, ATOM, OPERATOR, END
    }

    /**
     * One token.
     *
     * @param kind its kind
     * @param text the operator or identifier text, or the decoded string
     * @param value the number of a {@code NUMBER}
     * @param offset where it starts in the text
     */
    record Token(Kind kind, String text, Object value, int offset) {

        boolean is(String operator) {
            return kind == Kind.OPERATOR && text.equals(operator);
        }

        /** An identifier equal to a keyword, ignoring case. */
        boolean isKeyword(String keyword) {
            return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the text";
                case STRING -> "the string '" + text + "'";
                case ATOM -> "':" + text + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "||", "<", ">", "+", "-", "*", "/",
            "(", ")", "[", "]", ",", ".", "^");

    private final String text;
    private int position;

    private ExpressionLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new ExpressionLexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (position >= text.length()) {
                tokens.add(new Token(Kind.END, "", null, position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private Token next() {
        int start = position;
        char c = text.charAt(position);
        if (Character.isLetter(c) || c == '_') {
            return new Token(Kind.IDENTIFIER, word(), null, start);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '\'' || c == '"') {
            return new Token(Kind.STRING, string(c), null, start);
        }
        if (c == ':' && position + 1 < text.length()
                && (Character.isLetter(text.charAt(position + 1)) || text.charAt(position + 1) == '_')) {
            position++;
            return new Token(Kind.ATOM, word(), null, start);
        }
        if (text.startsWith("<>", position)) {
            throw error(start, "'<>' is not an operator here: write != for \"not equal\" or || to concatenate");
        }
        if (text.startsWith("&&", position)) {
            throw error(start, "'&&' is not an operator here: write and");
        }
        if (c == '=' && !text.startsWith("==", position)) {
            throw error(start, "'=' is not an operator here: write == to compare");
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, position)) {
                position += operator.length();
                return new Token(Kind.OPERATOR, operator, null, start);
            }
        }
        throw error(start, "Unexpected character '" + c + "'");
    }

    private String word() {
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        return text.substring(start, position);
    }

    private Token number(int start) {
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        boolean decimal = false;
        if (position + 1 < text.length() && text.charAt(position) == '.' && Character.isDigit(text.charAt(position + 1))) {
            decimal = true;
            position++;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position < text.length() && Character.isDigit(text.charAt(position))) {
                decimal = true;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
            } else {
                position = mark;
            }
        }
        if (position < text.length() && (Character.isLetter(text.charAt(position)) || text.charAt(position) == '_')) {
            throw error(position, "Unexpected '" + text.charAt(position) + "' after the number");
        }
        String digits = text.substring(start, position);
        BigDecimal number = new BigDecimal(digits);
        Object value = number;
        if (!decimal) {
            // whole numbers are Integer or Long, so that they bind as integer types
            int bits = number.toBigInteger().bitLength();
            value = bits < 32 ? (Object) number.intValueExact() : bits < 64 ? (Object) number.longValueExact() : number;
        }
        return new Token(Kind.NUMBER, digits, value, start);
    }

    private String string(char quote) {
        int start = position;
        position++;
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\\' && position + 1 < text.length()) {
                out.append(text.charAt(position + 1));
                position += 2;
            } else if (c == quote) {
                if (position + 1 < text.length() && text.charAt(position + 1) == quote) {
                    out.append(quote); // a doubled quote, as in SQL
                    position += 2;
                } else {
                    position++;
                    return out.toString();
                }
            } else {
                out.append(c);
                position++;
            }
        }
        throw error(start, "Unterminated string (it starts here and has no closing " + quote + ")");
    }

    private ExpressionSyntaxException error(int offset, String reason) {
        return new ExpressionSyntaxException(text, offset, reason);
    }
}
