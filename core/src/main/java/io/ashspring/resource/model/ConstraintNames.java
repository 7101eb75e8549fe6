package io.ashspring.resource.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import io.ashspring.resource.Names;

/**
 * The one place where the default names of keys, constraints, indexes and sequences are derived, the way
 * PostgreSQL and AshPostgres name them: {@code <table>_pkey}, {@code <table>_<column>_fkey},
 * {@code <table>_<identity>_index}, {@code <table>_<column>_<column>_index} and {@code <table>_<column>_seq}.
 * The model, the table model and the runtime's constraint errors all take names from here, so the name a
 * migration creates is the name an error is mapped by.
 *
 * <p>PostgreSQL keeps 63 bytes of a name and silently drops the rest, so a longer derived name would create a
 * constraint whose violations no longer match it. A derived name longer than 63 bytes is therefore shortened,
 * the same way every time: cut to leave room, then {@code _} and 8 hex digits of the CRC-32 of the whole name,
 * then the suffix ({@code orders_for_a_very_long_..._3f9a0c1e_fkey}); two long names that differ only past the
 * cut still differ. A name given explicitly ({@code name = "..."}) is never shortened: a too long one is reported
 * as a problem of the model.
 */
public final class ConstraintNames {

    private static final int HASH_LENGTH = 8;

    private ConstraintNames() {
    }

    /** {@code <table>_pkey}. */
    public static String primaryKey(String table) {
        return fit(table + "_pkey", "_pkey");
    }

    /** {@code <table>_<column>_fkey}: a foreign key from a column of a table. */
    public static String foreignKey(String table, String column) {
        return fit(table + "_" + column + "_fkey", "_fkey");
    }

    /** {@code <table>_<identity>_index}: the unique index of an identity. */
    public static String identityIndex(String table, String identity) {
        return fit(table + "_" + identity + "_index", "_index");
    }

    /** {@code <table>_<column>_<column>_index}: an index on columns (a custom index, or a reference's index). */
    public static String index(String table, List<String> columns) {
        return fit(table + "_" + String.join("_", columns) + "_index", "_index");
    }

    /** {@code <table>_<column>_seq}: the sequence of a serial column, as PostgreSQL names it. */
    public static String sequence(String table, String column) {
        return fit(table + "_" + column + "_seq", "_seq");
    }

    /** The name itself when PostgreSQL keeps it whole, else shortened as described above. */
    static String fit(String name, String suffix) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= Names.MAX_IDENTIFIER_BYTES) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        String hash = String.format("%0" + HASH_LENGTH + "x", crc.getValue());
        String base = name.substring(0, name.length() - suffix.length());
        int room = Names.MAX_IDENTIFIER_BYTES - suffix.length() - HASH_LENGTH - 1;
        while (base.getBytes(StandardCharsets.UTF_8).length > room || base.endsWith("_")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "_" + hash + suffix;
    }
}
