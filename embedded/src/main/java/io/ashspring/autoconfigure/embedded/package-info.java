/**
 * Embedded PostgreSQL server started when the application configures no database.
 */
@NullMarked
package io.ashspring.autoconfigure.embedded;

import org.jspecify.annotations.NullMarked;
