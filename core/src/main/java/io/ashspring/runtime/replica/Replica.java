package io.ashspring.runtime.replica;

import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * One read replica: a name (in logs and the health report), its connection pool, and how far it may lag
 * behind the primary before reads skip it.
 *
 * @param name a name, such as {@code replica-1} or its host
 * @param dataSource its pool (a short connection timeout lets reads move on quickly when it is down)
 * @param maxLag the lag past which it is skipped until it catches up
 */
public record Replica(String name, DataSource dataSource, Duration maxLag) {

    public Replica {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataSource, "dataSource");
        if (maxLag == null || maxLag.isNegative()) {
            throw new IllegalArgumentException("Replica " + name + ": max-lag must be zero or more (ash.datasource.replicas[*].max-lag), "
                    + "was " + maxLag);
        }
    }
}
