package io.ashspring.query;

import java.util.Objects;

/**
 * A row lock taken by a read ({@code SELECT ... FOR UPDATE}), held until the surrounding
 * transaction ends; a locking read outside a transaction is refused. With {@link #nowait()} a
 * row locked by another transaction makes the read fail at once with an
 * {@link io.ashspring.error.UnavailableException}; with {@link #skipLocked()} such rows are left out.
 *
 * <pre>{@code
 * tickets.read(Query.all().where("status", OPEN).limit(10).lock(Lock.forUpdate().skipLocked()))
 * }</pre>
 *
 * @param strength how strong the lock is
 * @param onLocked what to do about rows locked by others
 */
public record Lock(Strength strength, Wait onLocked) {

    /** Lock strengths, strongest first (PostgreSQL's row-level lock modes). */
    public enum Strength {
        /** {@code FOR UPDATE}: for deleting or changing the key. */
        UPDATE("FOR UPDATE"),
        /** {@code FOR NO KEY UPDATE}: for changing other columns; does not block foreign-key checks. */
        NO_KEY_UPDATE("FOR NO KEY UPDATE"),
        /** {@code FOR SHARE}: blocks changes, not other shared locks. */
        SHARE("FOR SHARE"),
        /** {@code FOR KEY SHARE}: blocks deletes and key changes only. */
        KEY_SHARE("FOR KEY SHARE");

        private final String sql;

        Strength(String sql) {
            this.sql = sql;
        }

        /** The SQL clause. */
        public String sql() {
            return sql;
        }
    }

    /** What to do about rows another transaction has locked. */
    public enum Wait {
        /** Wait for the other transaction. */
        WAIT(""),
        /** Fail at once ({@code NOWAIT}). */
        NOWAIT(" NOWAIT"),
        /** Leave those rows out ({@code SKIP LOCKED}), e.g. for work queues. */
        SKIP_LOCKED(" SKIP LOCKED");

        private final String sql;

        Wait(String sql) {
            this.sql = sql;
        }

        /** The SQL clause, with a leading space, or empty. */
        public String sql() {
            return sql;
        }
    }

    /** Canonical constructor. */
    public Lock {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(onLocked, "onLocked");
    }

    /** {@code FOR UPDATE}. */
    public static Lock forUpdate() {
        return new Lock(Strength.UPDATE, Wait.WAIT);
    }

    /** {@code FOR NO KEY UPDATE}. */
    public static Lock forNoKeyUpdate() {
        return new Lock(Strength.NO_KEY_UPDATE, Wait.WAIT);
    }

    /** {@code FOR SHARE}. */
    public static Lock forShare() {
        return new Lock(Strength.SHARE, Wait.WAIT);
    }

    /** {@code FOR KEY SHARE}. */
    public static Lock forKeyShare() {
        return new Lock(Strength.KEY_SHARE, Wait.WAIT);
    }

    /** The same lock, failing at once on rows locked by others. */
    public Lock nowait() {
        return new Lock(strength, Wait.NOWAIT);
    }

    /** The same lock, leaving out rows locked by others. */
    public Lock skipLocked() {
        return new Lock(strength, Wait.SKIP_LOCKED);
    }
}
