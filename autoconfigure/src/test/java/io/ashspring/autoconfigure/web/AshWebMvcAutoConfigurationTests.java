package io.ashspring.autoconfigure.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.ashspring.autoconfigure.AshWebMvcAutoConfiguration;
import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.InvalidQueryException;
import io.ashspring.error.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;

class AshWebMvcAutoConfigurationTests {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AshWebMvcAutoConfiguration.class));

    @Test
    void aServletApplicationGetsTheProblemDetailsHandler() {
        web.run(context -> assertThat(context).hasSingleBean(AshProblemDetailsExceptionHandler.class));
    }

    @Test
    void aNonWebApplicationDoesNot() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AshWebMvcAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(AshProblemDetailsExceptionHandler.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnHandler() {
        web.withUserConfiguration(OwnHandler.class).run(context -> assertThat(context)
                .getBean(AshProblemDetailsExceptionHandler.class).isSameAs(context.getBean("myHandler")));
    }

    @Test
    void invalidInputAnswers422WithTheFieldErrors() {
        ResponseEntity<ProblemDetail> response = new AshProblemDetailsExceptionHandler().invalid(new InvalidException("Ticket",
                List.of(new FieldError("subject", "is required", "required"))));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getDetail()).isEqualTo("subject is required");
        assertThat(response.getBody().getProperties()).containsEntry("errors",
                List.of(Map.of("field", "subject", "message", "is required", "code", "required")));
    }

    @Test
    void unknownRecordsAnswer404AndBadQueries400() {
        var handler = new AshProblemDetailsExceptionHandler();
        assertThat(handler.notFound(new NotFoundException("Ticket", 1)).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<ProblemDetail> bad = handler.invalidQuery(new InvalidQueryException("Ticket", "nope", "is not an attribute"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().getProperties()).containsEntry("field", "nope");
        assertThat(handler.unavailable(new io.ashspring.error.UnavailableException("Ticket", null)).getStatusCode().value())
                .isEqualTo(409);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHandler {
        @Bean
        AshProblemDetailsExceptionHandler myHandler() {
            return new AshProblemDetailsExceptionHandler();
        }
    }
}
