/**
 * Startup failures of Ash for Spring explained in Spring Boot's short "APPLICATION FAILED TO START"
 * report instead of a stack trace: each {@link org.springframework.boot.diagnostics.FailureAnalyzer}
 * here extends {@link io.ashspring.autoconfigure.diagnostics.AshFailureAnalyzer} and is registered in
 * {@code META-INF/spring.factories}.
 */
package io.ashspring.autoconfigure.diagnostics;
