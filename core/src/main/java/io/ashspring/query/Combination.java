package io.ashspring.query;

import java.util.Objects;

/**
 * Two queries of one resource combined as sets of records: the records of either
 * ({@link Query#union}), of both ({@link Query#intersect}), or of the first but not the second
 * ({@link Query#except}). Records are the same when their primary keys are, so the combination is
 * a set operation on primary keys; each side keeps its own filter, sort, limit, offset and
 * distinct ("the 5 newest and the 5 most urgent").
 *
 * @param operation how the sides combine
 * @param left the first query
 * @param right the second query
 */
public record Combination(Operation operation, Query left, Query right) {

    /** Canonical constructor. */
    public Combination {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    /** Set operations on the records of two queries. */
    public enum Operation {
        /** The records of either query. */
        UNION("UNION"),
        /** The records of both queries. */
        INTERSECT("INTERSECT"),
        /** The records of the first query that the second does not have. */
        EXCEPT("EXCEPT");

        private final String sql;

        Operation(String sql) {
            this.sql = sql;
        }

        /** The SQL set operator. */
        public String sql() {
            return sql;
        }
    }
}
