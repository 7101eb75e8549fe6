package io.ashspring.runtime.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.ashspring.runtime.ConnectionFailures;
import io.ashspring.runtime.ReadRouting;
import io.ashspring.sql.ReplicationQueries;

/**
 * Routes reads to read replicas: the {@link ReadRouting} of a runtime with replicas, and the
 * {@link #dataSource() DataSource} a read-only transaction takes its connection from (Spring's
 * {@code LazyConnectionDataSourceProxy.setReadOnlyDataSource}).
 *
 * <ul>
 *   <li>A connection comes from the next usable replica, round robin: one that answered the last check
 *       and lags no more than its {@code maxLag}. A replica that cannot give a connection is skipped (and
 *       marked down until a check finds it again); with none left, the primary answers.</li>
 *   <li>Read-your-writes: after a write commits, its WAL position ({@code pg_current_wal_insert_lsn()}) is
 *       remembered for the thread or the application ({@link ReadYourWrites}); a read then goes to a
 *       replica only once {@code pg_last_wal_replay_lsn()} has reached it, else to the primary.</li>
 *   <li>A lone read whose replica fails midway (stopped, unreachable) runs again on the primary: the caller
 *       sees no error.</li>
 *   <li>A background thread checks every replica each {@code checkInterval}: whether it answers, and its
 *       lag, measured against samples of the primary's WAL position.</li>
 * </ul>
 *
 * <pre>{@code
 * ReplicaRouting routing = new ReplicaRouting(primary, List.of(new Replica("replica-1", replicaPool,
 *         Duration.ofSeconds(10))), ReadYourWrites.THREAD, Duration.ofSeconds(1));
 * AshRuntime ash = new AshRuntime(registry, JdbcClient.create(primary), new DataSourceTransactionManager(primary), routing);
 * }</pre>
 *
 * Close it to stop the checks; the pools stay the caller's.
 */
public final class ReplicaRouting implements ReadRouting, AutoCloseable {

    private static final Log logger = LogFactory.getLog(ReplicaRouting.class);

    private final DataSource primary;
    private final List<ReplicaState> replicas;
    private final ReadYourWrites readYourWrites;
    private final ReplicaDataSource dataSource;
    private final JdbcClient replicaClient;
    private final AtomicInteger next = new AtomicInteger();
    private final WalSamples samples;
    private final ScheduledExecutorService checks;

    /** What each thread's reads and writes left: one lookup per use, nothing set or removed per read. */
    private final ThreadLocal<ThreadReads> threads = ThreadLocal.withInitial(ThreadReads::new);
    /** The last write's position for every thread ({@link ReadYourWrites#APPLICATION}). */
    private final AtomicReference<Lsn> applicationWrite = new AtomicReference<>();

    /** A thread's routing state. */
    private static final class ThreadReads {
        /** Whether a lone read runs (its statements go to replicas). */
        boolean reading;
        /** The replica that gave the running lone read its last connection, or {@code null}. */
        ReplicaState served;
        /** The position of this thread's last write ({@link ReadYourWrites#THREAD}), or {@code null}. */
        Lsn written;
    }

    /**
     * Checks the replicas once, then every {@code checkInterval} on a daemon thread.
     *
     * @param primary the primary's pool (not a proxy routing to replicas): reads fall back to it, and the
     *        WAL position of writes is read on it
     * @param replicas the replicas, at least one
     * @param readYourWrites which reads must see earlier writes
     * @param checkInterval how often replicas are checked (also how fresh the lag is)
     */
    public ReplicaRouting(DataSource primary, List<Replica> replicas, ReadYourWrites readYourWrites, Duration checkInterval) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("ReplicaRouting needs at least one replica (ash.datasource.replicas)");
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("The replica check interval (ash.datasource.replica-check-interval) must be "
                    + "positive, was " + checkInterval);
        }
        this.primary = primary;
        this.replicas = replicas.stream().map(ReplicaState::new).toList();
        this.readYourWrites = readYourWrites;
        this.dataSource = new ReplicaDataSource(this);
        this.replicaClient = JdbcClient.create(dataSource);
        long longestLag = replicas.stream().mapToLong(r -> r.maxLag().toNanos()).max().orElse(0);
        this.samples = new WalSamples(2 * longestLag + 2 * checkInterval.toNanos());
        check();
        this.checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ash-replica-check");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::checkQuietly, checkInterval.toMillis(), checkInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The DataSource of read-only transactions: a usable replica's connection, else the primary's. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Which reads must see earlier writes. */
    public ReadYourWrites readYourWrites() {
        return readYourWrites;
    }

    /** What the last check (or connection) found of each replica, in configuration order. */
    public List<ReplicaStatus> status() {
        return replicas.stream().map(ReplicaState::status).toList();
    }

    // ---------------------------------------------------------------- ReadRouting

    @Override
    public <R> R read(Supplier<R> read) {
        ThreadReads thread = threads.get();
        if (thread.reading) {
            return read.get(); // a read within a read: already routed
        }
        thread.reading = true;
        try {
            return read.get();
        } catch (RuntimeException e) {
            ReplicaState replica = thread.served;
            if (replica == null || !ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            replica.down(e);
            logger.warn("Read replica " + replica.replica.name() + " failed during a read; read again on the primary: " + e);
            thread.reading = false;
            return read.get();
        } finally {
            thread.reading = false;
            thread.served = null;
        }
    }

    @Override
    public JdbcClient client(JdbcClient primaryClient) {
        return threads.get().reading ? replicaClient : primaryClient;
    }

    @Override
    public void written() {
        if (readYourWrites == ReadYourWrites.NONE) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            rememberWrite();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // this transaction is already remembered at its commit
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ReplicaRouting.this);
                if (status == STATUS_COMMITTED) {
                    rememberWrite();
                }
            }
        });
    }

    /** Reads the primary's WAL position after a commit: reads that must see the write wait for it. */
    private void rememberWrite() {
        Lsn position;
        try (Connection connection = primary.getConnection()) {
            position = position(connection, ReplicationQueries.currentWalPosition().sql());
        } catch (SQLException e) {
            logger.warn("Could not read the WAL position of a write on the primary: reads right after it may miss it. " + e);
            return;
        }
        if (readYourWrites == ReadYourWrites.THREAD) {
            ThreadReads thread = threads.get();
            thread.written = Lsn.max(thread.written, position);
        } else {
            applicationWrite.accumulateAndGet(position, Lsn::max);
        }
    }

    /** The position the reads of this thread must see, or {@code null}. */
    private Lsn requiredPosition(ThreadReads thread) {
        return switch (readYourWrites) {
            case THREAD -> thread.written;
            case APPLICATION -> applicationWrite.get();
            case NONE -> null;
        };
    }

    // ---------------------------------------------------------------- connections

    /** A connection of the next usable replica that has replayed what this read must see, else of the primary. */
    Connection connection() throws SQLException {
        ThreadReads thread = threads.get();
        Lsn required = requiredPosition(thread);
        int count = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), count);
        for (int i = 0; i < count; i++) {
            ReplicaState replica = replicas.get((start + i) % count);
            if (!replica.usable()) {
                continue;
            }
            Connection connection;
            try {
                connection = replica.replica.dataSource().getConnection();
            } catch (SQLException e) {
                replica.down(e);
                logger.warn("Read replica " + replica.replica.name() + " gives no connection; reads skip it: " + e);
                continue;
            }
            if (required != null && !replica.reached(required) && !caughtUp(replica, connection, required)) {
                continue;
            }
            thread.served = replica;
            return connection;
        }
        return primary.getConnection();
    }

    /** Asks the replica how far it has replayed; closes the connection when it has not reached the position. */
    private boolean caughtUp(ReplicaState replica, Connection connection, Lsn required) {
        try {
            Lsn replayed = replay(connection).position();
            if (replayed != null) {
                replica.replayed(replayed);
                if (replayed.reached(required)) {
                    return true;
                }
            }
        } catch (SQLException e) {
            replica.down(e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            logger.debug("Could not return a replica connection", e);
        }
        return false;
    }

    // ---------------------------------------------------------------- checks

    /** Checks every replica now: whether it answers, and how far it lags behind the primary. */
    public void check() {
        try (Connection connection = primary.getConnection()) {
            samples.add(System.nanoTime(), position(connection, ReplicationQueries.currentWalPosition().sql()));
        } catch (SQLException e) {
            logger.debug("Could not sample the primary's WAL position", e);
        }
        for (ReplicaState replica : replicas) {
            try (Connection connection = replica.replica.dataSource().getConnection()) {
                Replay replay = replay(connection);
                replica.answered(replay.standby(), replay.position(),
                        replay.position() == null ? 0 : samples.lag(System.nanoTime(), replay.position()));
            } catch (SQLException | RuntimeException e) {
                replica.down(e);
            }
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            logger.warn("Read replica check failed", e);
        }
    }

    /** What a replica says of its replay: whether it is a standby, and the position replayed ({@code null} if none). */
    private record Replay(boolean standby, Lsn position) {
    }

    private static Replay replay(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(ReplicationQueries.replayPosition().sql())) {
            rs.next();
            String text = rs.getString(2);
            return new Replay(rs.getBoolean(1), text == null ? null : Lsn.parse(text));
        }
    }

    private static Lsn position(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }

    /** Stops the checks; the pools stay open. */
    @Override
    public void close() {
        checks.shutdownNow();
    }
}
