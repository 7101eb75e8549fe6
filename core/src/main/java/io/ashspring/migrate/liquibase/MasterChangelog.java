package io.ashspring.migrate.liquibase;

/**
 * The master changelog Spring Boot runs ({@code classpath:/db/changelog/db.changelog-master.yaml},
 * the default of {@code spring.liquibase.change-log}). It includes the generated folder with
 * {@code includeAll}, so it is written once and never changes: two branches that each add a
 * migration never both edit it, and files run in name order, which is their timestamp order.
 */
public final class MasterChangelog {

    /** The master changelog's file name. */
    public static final String FILE_NAME = "db.changelog-master.yaml";

    /** The folder of generated changelogs, relative to the master. */
    public static final String MIGRATIONS_FOLDER = "migrations";

    private MasterChangelog() {
    }

    /** The master's content. */
    public static String content() {
        return """
                # Written once by Ash (ash:codegen); every generated changelog in migrations/ runs in file name order.
                databaseChangeLog:
                - includeAll:
                    path: %s/
                    relativeToChangelogFile: true
                    errorIfMissingOrEmpty: false
                """.formatted(MIGRATIONS_FOLDER);
    }

    /** Whether an existing master includes the generated folder. */
    public static boolean includesMigrations(String existing) {
        return existing.contains(MIGRATIONS_FOLDER + "/") || existing.contains(MIGRATIONS_FOLDER + "\"")
                || existing.contains(MIGRATIONS_FOLDER + "'");
    }
}
