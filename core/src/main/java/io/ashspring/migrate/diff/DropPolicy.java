package io.ashspring.migrate.diff;

/** What the diff does with a table, column or extension that disappeared from the resources. */
public enum DropPolicy {
    /**
     * Fail the run, naming what would be dropped and the hint that resolves it ({@code @Dropped},
     * {@code @Renamed}, {@code allowDrops}); an interactive prompter is asked instead. The default of codegen.
     */
    FAIL,
    /**
     * Drop it: the developer opted in ({@code allowDrops}). An interactive prompter is still asked about
     * renames first.
     */
    ALLOW,
    /**
     * Leave it in the database and in the recorded state, with a warning: for migrations generated at
     * startup, which never drop and never ask.
     */
    SKIP
}
