package io.ashspring.test;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of the databases and extensions that go into SQL text. CREATE DATABASE and CREATE
 * EXTENSION take no bind parameters, so every name is validated strictly and then quoted.
 */
final class Identifiers {

    static final String TEMPLATE_PREFIX = "ash_tpl_";
    static final String DATABASE_PREFIX = "ash_t_";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    // Extension names such as "uuid-ossp" contain a hyphen, which is fine once quoted.
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,62}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Identifiers() {
    }

    /** A new random name such as {@code ash_t_k3j9x2m1q8zt}. */
    static String randomName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            name.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return name.toString();
    }

    /** {@code "name"} after checking that {@code name} matches {@code [a-z0-9_]+}. */
    static String quoteDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name: " + name);
        }
        return '"' + name + '"';
    }

    /** {@code "name"} after checking that {@code name} is a plausible extension name. */
    static String quoteExtension(String name) {
        return '"' + validExtension(name) + '"';
    }

    static String validExtension(String name) {
        if (name == null || !EXTENSION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid PostgreSQL extension name: '" + name
                    + "' (expected lowercase letters, digits, '_' or '-')");
        }
        return name;
    }

    /** Validated, de-duplicated extension names in their given order. */
    static List<String> extensions(Collection<String> names) {
        Set<String> valid = new LinkedHashSet<>();
        for (String name : names) {
            valid.add(validExtension(name));
        }
        return List.copyOf(valid);
    }
}
