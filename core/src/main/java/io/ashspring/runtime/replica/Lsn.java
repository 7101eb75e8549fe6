package io.ashspring.runtime.replica;

/**
 * A position in PostgreSQL's write-ahead log (a {@code pg_lsn}: {@code 16/B374D848}), as the unsigned
 * 64-bit number it stands for. Positions only grow, so comparing them tells whether a replica has
 * replayed a write.
 *
 * @param value the position
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /**
     * Parses PostgreSQL's text form: two hexadecimal halves separated by a slash.
     *
     * @throws IllegalArgumentException when the text is not a {@code pg_lsn}
     */
    public static Lsn parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1) {
            throw new IllegalArgumentException("Not a WAL position (pg_lsn such as 0/16B3748): '" + text + "'");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL || high < 0 || low < 0) {
                throw new NumberFormatException("half out of range");
            }
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a WAL position (pg_lsn such as 0/16B3748): '" + text + "'", e);
        }
    }

    /** Whether this position is at or past another one. */
    public boolean reached(Lsn other) {
        return compareTo(other) >= 0;
    }

    /** The later of two positions. */
    public static Lsn max(Lsn a, Lsn b) {
        return a == null ? b : b == null ? a : a.reached(b) ? a : b;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** PostgreSQL's text form. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
