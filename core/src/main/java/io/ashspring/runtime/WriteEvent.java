package io.ashspring.runtime;

import io.ashspring.action.ActionKind;
import io.ashspring.resource.model.ResourceModel;

/**
 * One single-record write, as a {@link WriteHook} sees it: the resource, the kind of write, and the record after
 * it (for a destroy, the record deleted) and, for an update, as it was before (read under the write's row lock).
 */
public final class WriteEvent {

    private final ResourceModel resource;
    private final ActionKind kind;
    private final Object before;
    private final Object record;
    private final RecordMapper<Object> mapper;

    @SuppressWarnings("unchecked")
    WriteEvent(ResourceModel resource, ActionKind kind, Object before, Object record, RecordMapper<?> mapper) {
        this.resource = resource;
        this.kind = kind;
        this.before = before;
        this.record = record;
        this.mapper = (RecordMapper<Object>) mapper;
    }

    /** The resource written. */
    public ResourceModel resource() {
        return resource;
    }

    /** {@code CREATE}, {@code UPDATE} or {@code DESTROY}. */
    public ActionKind kind() {
        return kind;
    }

    /** The record as written (for a destroy: as deleted). */
    public Object record() {
        return record;
    }

    /** For an update, the record before it; else {@code null}. */
    public Object before() {
        return before;
    }

    /** An attribute's value in {@link #record()} (a belongs_to's key). */
    public Object value(String attribute) {
        return mapper.value(record, resource.requireAttribute(attribute));
    }

    /** An attribute's value in {@link #before()}, or {@code null} when there is no record before. */
    public Object previousValue(String attribute) {
        return before == null ? null : mapper.value(before, resource.requireAttribute(attribute));
    }
}
