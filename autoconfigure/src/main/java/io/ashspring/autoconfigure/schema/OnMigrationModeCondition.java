package io.ashspring.autoconfigure.schema;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnMigrationMode}. */
class OnMigrationModeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<MigrationMode> wanted = List.of((MigrationMode[]) metadata
                .getAnnotationAttributes(ConditionalOnMigrationMode.class.getName()).get("value"));
        MigrationMode mode = MigrationMode.resolve(context.getEnvironment(), context.getClassLoader());
        return wanted.contains(mode)
                ? ConditionOutcome.match(MigrationMode.PROPERTY + " is " + mode.propertyValue() + " (set, or by whether a master "
                        + "changelog exists)")
                : ConditionOutcome.noMatch(MigrationMode.PROPERTY + " is " + mode.propertyValue() + ", not "
                        + String.join(" or ", wanted.stream().map(MigrationMode::propertyValue).toList()));
    }
}
