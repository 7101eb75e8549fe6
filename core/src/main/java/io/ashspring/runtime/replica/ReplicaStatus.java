package io.ashspring.runtime.replica;

import java.time.Duration;

/**
 * What the last check found of a replica, for health reports.
 *
 * @param name the replica's name
 * @param up whether it answered
 * @param standby whether it is a streaming standby ({@code pg_is_in_recovery()})
 * @param lag how far it is behind the primary (zero when it is not a standby or has caught up)
 * @param replayed the last write-ahead log position it replayed, or {@code null}
 * @param usable whether reads go to it: up and lagging no more than its max-lag
 * @param error why it did not answer, or {@code null}
 */
public record ReplicaStatus(String name, boolean up, boolean standby, Duration lag, Lsn replayed, boolean usable,
                            String error) {
}
