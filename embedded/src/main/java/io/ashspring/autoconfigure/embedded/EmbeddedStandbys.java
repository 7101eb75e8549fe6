package io.ashspring.autoconfigure.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ashspring.autoconfigure.replica.ReplicaConnectionDetails;

/**
 * The streaming standbys {@code ash.embedded.replicas} asks for, started one after the other from the
 * embedded server, and the {@link ReplicaConnectionDetails} that make them the application's read
 * replicas. Closing stops them, the last started first.
 */
public final class EmbeddedStandbys implements ReplicaConnectionDetails, AutoCloseable {

    /** How far an embedded standby may lag before reads skip it. */
    static final Duration MAX_LAG = Duration.ofSeconds(10);

    private final List<EmbeddedStandby> standbys;

    private EmbeddedStandbys(List<EmbeddedStandby> standbys) {
        this.standbys = List.copyOf(standbys);
    }

    /**
     * Starts {@code count} standbys of a server, named {@code replica-1}, {@code replica-2}, ...
     * @param primary the running server
     * @param count how many
     * @return the running standbys
     */
    public static EmbeddedStandbys start(EmbeddedPostgresServer primary, int count) {
        List<EmbeddedStandby> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                started.add(EmbeddedStandby.start(primary, "replica-" + i));
            }
        }
        catch (RuntimeException ex) {
            new EmbeddedStandbys(started).close();
            throw ex;
        }
        return new EmbeddedStandbys(started);
    }

    /**
     * Returns the running standbys, in the order they started.
     * @return the standbys
     */
    public List<EmbeddedStandby> getStandbys() {
        return this.standbys;
    }

    @Override
    public List<Endpoint> replicas() {
        return this.standbys.stream().map(standby -> new Endpoint(standby.getName(), standby.getJdbcUrl(),
                EmbeddedPostgresServer.USERNAME, null, MAX_LAG, Duration.ofSeconds(1), 5, Map.of())).toList();
    }

    @Override
    public void close() {
        for (int i = this.standbys.size() - 1; i >= 0; i--) {
            this.standbys.get(i).close();
        }
    }

}
