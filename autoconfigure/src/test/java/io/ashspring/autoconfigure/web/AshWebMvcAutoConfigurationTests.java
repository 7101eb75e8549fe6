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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.autoconfigure.AshWebMvcAutoConfiguration;
import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.InvalidQueryException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.StaleRecordException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
    void errorsOfABulkWriteCarryTheirInputIndex() {
        ResponseEntity<ProblemDetail> response = new AshProblemDetailsExceptionHandler().invalid(new InvalidException("Ticket",
                List.of(new FieldError("subject", "is required", "required", 700))));
        assertThat(response.getBody().getProperties()).containsEntry("errors",
                List.of(Map.of("index", 700, "field", "subject", "message", "is required", "code", "required")));
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

    @Test
    void aStaleRecordAnswers409ProblemJsonThroughTheMvcStack() {
        web.run(context -> {
            MockMvc mvc = MockMvcBuilders.standaloneSetup(new TicketController())
                    .setControllerAdvice(context.getBean(AshProblemDetailsExceptionHandler.class)).build();
            mvc.perform(put("/tickets/42").contentType(MediaType.APPLICATION_JSON).content("{\"version\": 3}"))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(409))
                    .andExpect(jsonPath("$.title").value("Stale record"))
                    .andExpect(jsonPath("$.type").value("urn:ash:stale-record"))
                    .andExpect(jsonPath("$.resource").value("Ticket"))
                    .andExpect(jsonPath("$.key").value("42"))
                    .andExpect(jsonPath("$.version").value(3));
        });
    }

    /** Stands for an application controller whose update met a newer version. */
    @RestController
    static class TicketController {
        @PutMapping("/tickets/{id}")
        Map<String, Object> update(@PathVariable String id, @RequestBody Map<String, Object> body) {
            throw new StaleRecordException("Ticket", id, "version", body.get("version"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHandler {
        @Bean
        AshProblemDetailsExceptionHandler myHandler() {
            return new AshProblemDetailsExceptionHandler();
        }
    }
}
