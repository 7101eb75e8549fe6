package io.ashspring.error;

/**
 * Expression text (a filter in an annotation or in configuration) could not be parsed. The message
 * shows the text with a caret under the column at fault:
 *
 * <pre>
 * Expected an operand but found ')' at column 22:
 *   status == 'open' and )
 *                        ^
 * </pre>
 */
public class ExpressionSyntaxException extends AshException {

    private final String text;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param text the whole text parsed
     * @param offset the 0-based character offset of the problem in {@code text}
     * @param reason what is wrong, as a sentence without the position
     */
    public ExpressionSyntaxException(String text, int offset, String reason) {
        this(text, Position.of(text, offset), reason);
    }

    private ExpressionSyntaxException(String text, Position position, String reason) {
        super(reason + " at " + (position.multiline() ? "line " + position.line() + ", " : "") + "column "
                + position.column() + ":\n  " + position.lineText() + "\n  " + " ".repeat(position.column() - 1) + "^");
        this.text = text;
        this.line = position.line();
        this.column = position.column();
        this.reason = reason;
    }

    /** The text that was parsed. */
    public String text() {
        return text;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem within its line. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** A 0-based offset turned into a line, a column and the text of that line. */
    private record Position(int line, int column, String lineText, boolean multiline) {

        static Position of(String text, int offset) {
            int clamped = Math.max(0, Math.min(offset, text.length()));
            int lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
            int lineEnd = text.indexOf('\n', clamped);
            int line = 1;
            for (int i = 0; i < lineStart; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            // tabs would shift the caret: show them as spaces
            String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).replace('\t', ' ');
            return new Position(line, clamped - lineStart + 1, lineText, text.indexOf('\n') >= 0);
        }
    }
}
