package io.ashspring.runtime;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the reads of an {@link AshRuntime} run: the seam read replicas plug into. The runtime asks it
 * for every read that runs outside a transaction and is not {@linkplain ResourceService#usingPrimary()
 * pinned to the primary} ("a lone read"); reads inside a transaction always run on the
 * transaction's connection, and writes always on the primary.
 *
 * <p>{@link #primary()}, the default, runs everything on the primary. {@code io.ashspring.runtime.replica.ReplicaRouting}
 * sends lone reads to a healthy replica, keeps a read after a write on the primary until the replica has
 * replayed the write (read-your-writes), and retries on the primary a read whose replica went away.
 * See {@code docs/replicas.md}.
 */
public interface ReadRouting {

    /** Every read on the primary: what a runtime without replicas does. */
    static ReadRouting primary() {
        return PrimaryReads.INSTANCE;
    }

    /**
     * Runs a lone read. The statements it runs through {@link #client(JdbcClient)} go to a replica when
     * one may answer; when that replica fails (unreachable, shutting down), the read runs again on the
     * primary and the caller sees no error.
     *
     * @param read the read, which may run twice
     * @return what the read returned
     */
    <R> R read(Supplier<R> read);

    /**
     * The client a statement runs through: inside {@link #read(Supplier)} the one reaching the chosen
     * replica, else the given primary one.
     *
     * @param primary the client of the primary (and of the caller's transactions)
     * @return the client to use
     */
    JdbcClient client(JdbcClient primary);

    /**
     * Tells that a write ran in the current transaction: once it commits, reads that must see it
     * (read-your-writes) stay on the primary until a replica has replayed it.
     */
    void written();
}
