package io.ashspring.migrate;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.Table;

/**
 * Extensions a table cannot work without, found from what it uses: a {@code citext} column, a
 * {@code vector} column, a trigram operator class. Others are declared ({@code @Extensions}, {@code ash.extensions}).
 */
final class ImpliedExtensions {

    /** Type name (before any size) → extension providing it. */
    private static final Map<String, String> TYPES = Map.of("citext", "citext", "vector", "vector", "halfvec", "vector",
            "ltree", "ltree", "hstore", "hstore", "cube", "cube");

    /** Text in index keys or methods → extension providing it. */
    private static final Map<String, String> INDEX_WORDS = Map.of("gin_trgm_ops", "pg_trgm", "gist_trgm_ops", "pg_trgm",
            "hnsw", "vector", "ivfflat", "vector", "vector_cosine_ops", "vector", "vector_l2_ops", "vector");

    /** A size or array suffix of a type ({@code (3)}, {@code []}); compiled once, as this runs for every column. */
    private static final Pattern TYPE_SUFFIX = Pattern.compile("[(\\[].*");

    private ImpliedExtensions() {
    }

    static Set<String> of(Table table) {
        Set<String> found = new LinkedHashSet<>();
        for (Column column : table.columns()) {
            String base = TYPE_SUFFIX.matcher(column.type().toLowerCase(Locale.ROOT)).replaceAll("").trim();
            if (TYPES.containsKey(base)) {
                found.add(TYPES.get(base));
            }
            if (column.defaultSql() != null && column.defaultSql().toLowerCase(Locale.ROOT).contains("uuid_generate_v")) {
                found.add("uuid-ossp");
            }
        }
        for (Index index : table.indexes()) {
            StringBuilder words = new StringBuilder(index.using() == null ? "" : index.using());
            for (IndexKey key : index.keys()) {
                words.append(' ').append(key.options() == null ? "" : key.options())
                        .append(' ').append(key.expression() == null ? "" : key.expression());
            }
            String text = words.toString().toLowerCase(Locale.ROOT);
            INDEX_WORDS.forEach((word, extension) -> {
                if (text.contains(word)) {
                    found.add(extension);
                }
            });
        }
        return found;
    }
}
