/**
 * Read replicas in a Spring Boot application: one HikariCP pool per {@code ash.datasource.replicas[*]},
 * the application's DataSource wrapped so that read-only transactions take a replica's connection, the
 * {@link io.ashspring.runtime.replica.ReplicaRouting} of lone reads, and the {@code ashReplication}
 * health indicator. See {@code docs/replicas.md}.
 */
@NullMarked
package io.ashspring.autoconfigure.replica;

import org.jspecify.annotations.NullMarked;
