package io.ashspring.action;

import java.util.Locale;

/** The four kinds of action, as in Ash. */
public enum ActionKind {
    /** Inserts one record. */
    CREATE,
    /** Reads records: a filter, a sort and arguments. */
    READ,
    /** Changes one record. */
    UPDATE,
    /** Deletes one record (or, for a soft destroy, updates it). */
    DESTROY;

    /** The lower-case name, which is also the name of the default action of this kind ({@code "create"}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
