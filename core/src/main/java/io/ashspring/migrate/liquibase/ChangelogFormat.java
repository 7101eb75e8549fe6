package io.ashspring.migrate.liquibase;

/** The format of generated changelog files. */
public enum ChangelogFormat {
    /** YAML, Liquibase's {@code YamlChangeLogSerializer} (the default). */
    YAML("yaml"),
    /** XML, Liquibase's {@code XMLChangeLogSerializer}. */
    XML("xml");

    private final String extension;

    ChangelogFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** {@code yaml}, {@code yml} or {@code xml}, case-insensitive. */
    public static ChangelogFormat of(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "yaml", "yml" -> YAML;
            case "xml" -> XML;
            default -> throw new IllegalArgumentException("Unknown changelog format '" + text + "': use yaml or xml");
        };
    }
}
