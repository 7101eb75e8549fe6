package io.ashspring.runtime.replica;

import java.time.Duration;

/** A replica and what is known of it: whether it answers, how far it lags, what it has replayed. */
final class ReplicaState {

    final Replica replica;
    private volatile boolean up = true;
    private volatile boolean standby;
    private volatile long lagNanos;
    private volatile Lsn replayed;
    private volatile String error;

    ReplicaState(Replica replica) {
        this.replica = replica;
    }

    /** Whether reads may go to it: it answered last time, and lags no more than its max-lag. */
    boolean usable() {
        return up && lagNanos <= replica.maxLag().toNanos();
    }

    /** Whether it is known to have replayed this position (a server that is not a standby never is). */
    boolean reached(Lsn position) {
        Lsn known = replayed;
        return known != null && known.reached(position);
    }

    void answered(boolean isStandby, Lsn position, long lag) {
        standby = isStandby;
        replayed(position);
        lagNanos = lag;
        error = null;
        up = true;
    }

    /** A newer replay position seen on one of its connections. */
    void replayed(Lsn position) {
        replayed = Lsn.max(replayed, position);
    }

    void down(Throwable cause) {
        up = false;
        error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    ReplicaStatus status() {
        return new ReplicaStatus(replica.name(), up, standby, Duration.ofNanos(lagNanos), replayed, usable(), error);
    }
}
