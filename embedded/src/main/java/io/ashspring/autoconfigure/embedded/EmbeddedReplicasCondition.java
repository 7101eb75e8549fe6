package io.ashspring.autoconfigure.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code ash.embedded.replicas} asks for at least one standby. */
final class EmbeddedReplicasCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Integer replicas = context.getEnvironment().getProperty("ash.embedded.replicas", Integer.class, 0);
        return replicas > 0 ? ConditionOutcome.match("ash.embedded.replicas is " + replicas)
                : ConditionOutcome.noMatch("ash.embedded.replicas is " + replicas);
    }
}
