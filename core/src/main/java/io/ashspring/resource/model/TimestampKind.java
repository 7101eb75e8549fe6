package io.ashspring.resource.model;

/** Whether an attribute is a timestamp maintained by the data layer. */
public enum TimestampKind {
    /** An ordinary attribute. */
    NONE,
    /** Set on create. */
    CREATE,
    /** Set on create and touched on every update. */
    UPDATE
}
