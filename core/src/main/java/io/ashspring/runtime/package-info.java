/**
 * Running resources over Spring JDBC: {@link io.ashspring.runtime.ResourceService} per resource,
 * row mapping, constraint-error mapping and transactions. Ties {@code query} and {@code sql} together.
 */
package io.ashspring.runtime;
