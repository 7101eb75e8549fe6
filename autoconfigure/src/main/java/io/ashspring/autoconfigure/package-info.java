/**
 * Spring Boot auto-configuration for Ash for Spring.
 */
@NullMarked
package io.ashspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
