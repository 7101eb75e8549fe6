package io.ashspring.autoconfigure.schema;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the schema is generated at startup ({@code ash.migrations.mode}, or no master changelog). */
public class OnGenerateModeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        MigrationMode mode = MigrationMode.resolve(context.getEnvironment(), context.getClassLoader());
        return mode == MigrationMode.GENERATE
                ? ConditionOutcome.match("ash.migrations.mode is generate (set, or no master changelog)")
                : ConditionOutcome.noMatch("ash.migrations.mode is " + mode.name().toLowerCase(java.util.Locale.ROOT));
    }
}
