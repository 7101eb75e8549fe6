package io.ashspring.migrate.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column's type in the catalog is the type the resources declare. PostgreSQL resolves the declared name
 * itself ({@code to_regtype}: {@code varchar} is {@code character varying}, {@code timestamptz} is
 * {@code timestamp with time zone}, {@code int4} is {@code integer}), so no list of aliases is kept here; the
 * modifiers ({@code (40)}, {@code (10,2)}) are compared as written, with the defaults PostgreSQL fills in.
 */
final class ColumnTypes {

    /** A modifier group: {@code (40)}, {@code (10, 2)}; also inside a name, {@code timestamp(3) with time zone}. */
    private static final Pattern MODIFIERS = Pattern.compile("\\(([^)]*)\\)");

    private final CatalogReader reader;
    private final Map<String, Optional<CatalogReader.ResolvedType>> resolved = new HashMap<>();

    ColumnTypes(CatalogReader reader) {
        this.reader = reader;
    }

    /** Whether the declared type names a type the database has. */
    boolean exists(String declared) throws SQLException {
        return resolve(declared).isPresent();
    }

    /** Whether the column has the declared type, modifiers included. */
    boolean same(String declared, LiveColumn found) throws SQLException {
        Optional<CatalogReader.ResolvedType> type = resolve(declared);
        if (type.isEmpty() || type.get().oid() != found.typeOid()) {
            return false;
        }
        return modifiers(declared, type.get().baseName()).equals(modifiers(found.type(), type.get().baseName()));
    }

    private Optional<CatalogReader.ResolvedType> resolve(String declared) throws SQLException {
        String base = MODIFIERS.matcher(declared).replaceAll("").replaceAll("\\s+", " ").trim();
        Optional<CatalogReader.ResolvedType> known = resolved.get(base);
        if (known == null) {
            known = reader.resolve(base);
            resolved.put(base, known);
        }
        return known;
    }

    /** The modifiers, without spaces, with the defaults PostgreSQL applies: {@code char} is {@code char(1)}, {@code numeric(10)} is {@code numeric(10,0)}. */
    static List<String> modifiers(String type, String baseName) {
        List<String> groups = new ArrayList<>();
        Matcher matcher = MODIFIERS.matcher(type);
        while (matcher.find()) {
            groups.add(matcher.group(1).replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
        }
        if (groups.isEmpty() && (baseName.equals("bpchar") || baseName.equals("bit"))) {
            return List.of("1");
        }
        if (groups.size() == 1 && baseName.equals("numeric") && groups.get(0).matches("\\d+")) {
            return List.of(groups.get(0) + ",0");
        }
        return groups;
    }
}
