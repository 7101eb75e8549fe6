package io.ashspring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

import io.ashspring.autoconfigure.web.AshProblemDetailsExceptionHandler;

/**
 * In a Spring MVC application: Ash errors answer as problem details (422 with field errors, 404,
 * 400), unless the application defines its own {@link AshProblemDetailsExceptionHandler}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class AshWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AshProblemDetailsExceptionHandler ashProblemDetailsExceptionHandler() {
        return new AshProblemDetailsExceptionHandler();
    }
}
