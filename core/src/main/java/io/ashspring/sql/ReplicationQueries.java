package io.ashspring.sql;

import java.util.List;

/**
 * The queries read-replica routing runs ({@code runtime.replica}): where the primary's write-ahead log
 * stands, and how far a standby has replayed it. Fixed text, no input.
 */
public final class ReplicationQueries {

    private ReplicationQueries() {
    }

    /**
     * On the primary: the position its write-ahead log has reached, as text ({@code 0/16B3748}): the insert
     * position, past every record written so far, committed ones included. ({@code pg_current_wal_lsn()},
     * the position written out, lags behind it under {@code synchronous_commit = off}.)
     */
    public static RenderedSql currentWalPosition() {
        return new RenderedSql("SELECT pg_current_wal_insert_lsn()::text", List.of());
    }

    /**
     * On a replica: whether it is a standby ({@code pg_is_in_recovery()}) and the position of the last
     * write-ahead log record it replayed, as text ({@code null} on a server that is not a standby).
     */
    public static RenderedSql replayPosition() {
        return new RenderedSql("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text", List.of());
    }
}
