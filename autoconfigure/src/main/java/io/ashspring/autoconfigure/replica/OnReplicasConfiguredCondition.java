package io.ashspring.autoconfigure.replica;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code ash.datasource.replicas} lists at least one replica. */
final class OnReplicasConfiguredCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean configured = context.getEnvironment().containsProperty("ash.datasource.replicas[0].url");
        return configured ? ConditionOutcome.match("ash.datasource.replicas[0].url is set")
                : ConditionOutcome.noMatch("no ash.datasource.replicas[0].url");
    }
}
