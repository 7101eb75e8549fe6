/**
 * Defaults of the JDBC connection pool that make an unreachable database fail fast:
 * {@link io.ashspring.autoconfigure.jdbc.ConnectionTimeoutEnvironmentPostProcessor}.
 */
package io.ashspring.autoconfigure.jdbc;
