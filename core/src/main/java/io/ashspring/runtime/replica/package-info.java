/**
 * Read replicas: {@link io.ashspring.runtime.replica.ReplicaRouting} sends lone reads and read-only
 * transactions to healthy replicas, keeps reads after a write on the primary until a replica has replayed
 * it, and falls back to the primary when replicas are down or lag. See {@code docs/replicas.md}.
 */
package io.ashspring.runtime.replica;
