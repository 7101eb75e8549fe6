/**
 * Attribute types: Java type ⇄ PostgreSQL type ⇄ JDBC binding, in one registry
 * ({@link io.ashspring.type.TypeRegistry}), and the constraints checked before SQL runs.
 */
package io.ashspring.type;
