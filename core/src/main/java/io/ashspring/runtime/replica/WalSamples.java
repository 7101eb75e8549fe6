package io.ashspring.runtime.replica;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The primary's write-ahead log positions sampled over time, which turn a replica's replay position into a
 * lag in time: a replica is as far behind as the oldest sample it has not replayed. An idle primary whose
 * position does not move leaves a caught-up replica at zero lag; a standby cut off from its primary lags
 * more with every sample it misses.
 */
final class WalSamples {

    private record Sample(long nanos, Lsn position) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final long keepNanos;

    /** @param keepNanos how long samples are kept: past it, any replica not at the oldest is that far behind */
    WalSamples(long keepNanos) {
        this.keepNanos = keepNanos;
    }

    synchronized void add(long nanos, Lsn position) {
        samples.addLast(new Sample(nanos, position));
        while (samples.size() > 1 && nanos - samples.peekFirst().nanos() > keepNanos) {
            samples.removeFirst();
        }
    }

    /** How long a replica at this position has been behind: since the oldest sample past it, else zero. */
    synchronized long lag(long now, Lsn replayed) {
        for (Sample sample : samples) {
            if (!replayed.reached(sample.position())) {
                return now - sample.nanos();
            }
        }
        return 0;
    }
}
