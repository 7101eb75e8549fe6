/**
 * Ordering of migration operations: the facts each operation requires and provides, kept in one
 * catalogue ({@link io.ashspring.migrate.order.OrderingFacts}), and a stable topological sort over them
 * ({@link io.ashspring.migrate.order.OperationOrder}).
 */
package io.ashspring.migrate.order;
