package io.ashspring.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Base of the failure analyzers of Ash for Spring: finds a failure of type {@code T} among the causes
 * of what stopped the application and reports what is wrong ({@link #description}) and the fix
 * ({@link #action}). A new analyzer implements those two methods and is added to
 * {@code META-INF/spring.factories} under {@code org.springframework.boot.diagnostics.FailureAnalyzer}.
 *
 * <p>Ordered before Spring Boot's own analyzers, which know nothing of these failures and would
 * otherwise describe the bean that happened to wrap them.
 *
 * @param <T> the failure analyzed
 */
public abstract class AshFailureAnalyzer<T extends Throwable> extends AbstractFailureAnalyzer<T> implements Ordered {

    @Override
    protected final FailureAnalysis analyze(Throwable rootFailure, T cause) {
        String description = description(cause);
        return description == null ? null : new FailureAnalysis(description, action(cause), cause);
    }

    /**
     * What is wrong, naming the resource, field or property at fault.
     *
     * @param failure the failure found among the causes
     * @return the description, or {@code null} to leave the failure to another analyzer
     */
    protected abstract String description(T failure);

    /**
     * What to do about it.
     *
     * @param failure the failure described
     * @return the action
     */
    protected abstract String action(T failure);

    /** Before Spring Boot's analyzers (which are unordered, that is last). */
    @Override
    public int getOrder() {
        return 0;
    }
}
