package io.ashspring.resource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Naming rules shared by the model, the SQL compiler and migrations: snake_case defaults and what
 * a valid PostgreSQL identifier is here (letters, digits and underscores, not starting with a digit,
 * at most 63 bytes: longer names are silently truncated by PostgreSQL, so they are rejected).
 */
public final class Names {

    /** PostgreSQL's identifier limit (NAMEDATALEN - 1). */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {
    }

    /** {@code insertedAt} → {@code inserted_at}; {@code HTTPServer} → {@code http_server}. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean previousUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (out.length() > 0 && (previousLower || (previousUpper && nextLower))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code Ticket} → {@code ticket}; {@code SupportTicket} → {@code supportTicket}. */
    public static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether a name is a valid identifier under the rules above. */
    public static boolean isValidIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches() && byteLength(name) <= MAX_IDENTIFIER_BYTES;
    }

    /** Why a name is not a valid identifier, or {@code null} when it is. */
    public static String identifierProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (byteLength(name) > MAX_IDENTIFIER_BYTES) {
            return "is " + byteLength(name) + " bytes long; PostgreSQL names are at most " + MAX_IDENTIFIER_BYTES + " bytes";
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            return "may only contain letters, digits and underscores, and must not start with a digit";
        }
        return null;
    }

    static int byteLength(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }
}
