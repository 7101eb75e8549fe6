package io.ashspring.migrate.state;

/**
 * One state file: what a codegen run changed.
 *
 * @param name the file name ({@code 20260101120000_add_priority.json}); files fold in name order
 * @param content its JSON
 */
public record StateFile(String name, String content) {

    /**
     * Whether a dev run ({@code -Dash.dev=true}) wrote it ({@code "dev": true}): a throw-away run that the
     * next named run squashes and deletes.
     *
     * @throws io.ashspring.migrate.MigrationException naming the file when it is not valid JSON
     */
    public boolean dev() {
        return StateJson.parse(content, name).path("dev").asBoolean(false);
    }

    /**
     * The changelog this state belongs to, relative to the changelog directory
     * ({@code migrations/20260101120000_add_priority.yaml}), or {@code null} for a state-only run.
     */
    public String changelog() {
        return StateJson.parse(content, name).path("changelog").asString(null);
    }
}
