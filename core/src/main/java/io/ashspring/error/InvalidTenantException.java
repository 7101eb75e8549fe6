package io.ashspring.error;

/**
 * A tenant name that cannot be used: it could not be a schema name, or could reach SQL unsafely.
 * Raised before any SQL runs; the web layer answers it with 400.
 */
public class InvalidTenantException extends AshException {

    private final String tenant;

    /**
     * @param tenant the name given (may be {@code null})
     * @param problem what is wrong with it
     */
    public InvalidTenantException(String tenant, String problem) {
        super("Invalid tenant " + (tenant == null ? "null" : "'" + printable(tenant) + "'") + ": it " + problem
                + "; use a name of ASCII letters, digits, '_' and '-' (at most 63 bytes)");
        this.tenant = tenant;
    }

    /** The name given. */
    public String tenant() {
        return tenant;
    }

    private static String printable(String value) {
        String shortened = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        StringBuilder out = new StringBuilder();
        shortened.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
