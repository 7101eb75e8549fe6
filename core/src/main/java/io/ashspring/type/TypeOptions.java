package io.ashspring.type;

/**
 * What an attribute declaration says about its storage, beyond the Java type.
 *
 * @param citext store strings as {@code citext}
 * @param varchar {@code varchar(n)} length, or -1
 * @param precision numeric precision, or -1
 * @param scale numeric scale, or -1
 * @param columnType a verbatim column type override, or {@code null}
 */
public record TypeOptions(boolean citext, int varchar, int precision, int scale, String columnType) {

    /** No options: the type's defaults. */
    public static final TypeOptions DEFAULT = new TypeOptions(false, -1, -1, -1, null);
}
