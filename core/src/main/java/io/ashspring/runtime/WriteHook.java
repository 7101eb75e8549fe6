package io.ashspring.runtime;

import io.ashspring.resource.model.ResourceModel;

/**
 * Work that belongs to a write: called inside the write's transaction, after its row is written and before the
 * transaction commits, so a failure rolls the write back with it. Registered with {@link AshRuntime#addWriteHook}.
 *
 * <pre>{@code
 * runtime.addWriteHook(new WriteHook() {
 *     public boolean appliesTo(ResourceModel resource) { return resource.type() == Organization.class; }
 *     public void afterWrite(WriteEvent event) { audit.record(event.kind(), event.value("slug")); }
 * });
 * }</pre>
 *
 * Single-record writes (creates, upserts that insert, updates and destroys, primary or named actions) call hooks;
 * bulk writes ({@code createAll}, {@code updateAll}, {@code destroyAll}) do not.
 */
public interface WriteHook {

    /** Whether this hook wants the writes of this resource (asked on each write; keep it cheap). */
    boolean appliesTo(ResourceModel resource);

    /** Runs after the row is written, inside the write's transaction; an exception rolls the write back. */
    void afterWrite(WriteEvent event);
}
