package io.ashspring.autoconfigure.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code spring.datasource.url} is not set, that is when the application names
 * no database of its own. A blank value counts as not set, as it does for Spring Boot's
 * {@code DataSourceProperties}.
 */
class NoDataSourceUrlCondition extends SpringBootCondition {

    static final String PROPERTY = "spring.datasource.url";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("No DataSource URL");
        // The value is not quoted in the report: it may carry credentials.
        if (StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))) {
            return ConditionOutcome.noMatch(message.because(PROPERTY
                    + " is set, so the application uses that database and no embedded PostgreSQL is started"));
        }
        return ConditionOutcome.match(message.because(PROPERTY + " is not set"));
    }

}
