package io.ashspring.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code ?} placeholders of fragment SQL the way the PostgreSQL JDBC driver does: not
 * inside quoted literals, quoted identifiers, dollar quotes or comments, and not when doubled
 * ({@code ??} is the driver's escape for a literal {@code ?} operator).
 */
final class FragmentText {

    private FragmentText() {
    }

    static List<Integer> placeholders(String sql) {
        List<Integer> offsets = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    i += 2;
                } else {
                    offsets.add(i);
                    i++;
                }
            } else {
                i++;
            }
        }
        return offsets;
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote stays inside
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code start}, or {@code null}. */
    private static String dollarTag(String sql, int start) {
        if (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return null;
    }
}
