package io.ashspring.migrate;

import java.util.List;

/**
 * The live database differs from the schema the resources expect: the startup check of the catalog (tables,
 * columns with their types and nullability, primary keys, unique indexes) found differences. The message lists
 * each on its own line, then how to fix them; {@link #differences()} has them as data.
 */
public class SchemaMismatchException extends MigrationException {

    private final transient List<SchemaDifference> differences;
    private final String summary;
    private final String fix;

    /**
     * @param summary what was compared, and in which mode
     * @param differences every difference found, at least one
     * @param fix what to do about them
     */
    public SchemaMismatchException(String summary, List<SchemaDifference> differences, String fix) {
        super(summary + " (" + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n"
                + String.join("\n", differences.stream().map(d -> "  - " + d.describe()).toList()) + "\n" + fix);
        this.differences = List.copyOf(differences);
        this.summary = summary;
        this.fix = fix;
    }

    /** What was compared, and in which mode. */
    public String summary() {
        return summary;
    }

    /** What to do about the differences. */
    public String fix() {
        return fix;
    }

    /** The differences, each naming its table and column, expected and found. */
    public List<SchemaDifference> differences() {
        return differences;
    }

    @Override
    public List<String> problems() {
        return differences.stream().map(SchemaDifference::describe).toList();
    }
}
