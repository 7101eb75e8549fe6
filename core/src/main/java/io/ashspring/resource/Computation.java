package io.ashspring.resource;

/**
 * A calculation computed in Java after a record is read, for what SQL cannot say; named by
 * {@link Calculation#java()}. It sees the record as loaded (other loads of the same query included).
 *
 * @param <T> the record type
 * @param <R> the calculated value's type
 */
@FunctionalInterface
public interface Computation<T, R> {

    /** The value of the calculation for one record. */
    R compute(T record);
}
