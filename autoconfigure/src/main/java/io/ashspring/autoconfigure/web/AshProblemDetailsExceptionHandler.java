package io.ashspring.autoconfigure.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.InvalidQueryException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.StaleRecordException;
import io.ashspring.error.UnavailableException;

/**
 * Turns Ash errors into RFC 9457 problem details: {@link InvalidException} → 422 with an
 * {@code errors} list of {@code {field, message, code}}; {@link NotFoundException} → 404;
 * {@link InvalidQueryException} → 400 naming the field; {@link UnavailableException} (a lock
 * held elsewhere, {@code NOWAIT}) → 409; {@link StaleRecordException} (a {@code @Version} that
 * moved on) → 409 with the resource, key and expected version. Define your own bean of this type
 * to replace it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class AshProblemDetailsExceptionHandler {

    /** 422 with the field errors. */
    @ExceptionHandler(InvalidException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                error.errors().size() == 1 ? error.errors().get(0).field() + " " + error.errors().get(0).message()
                        : error.errors().size() + " fields are invalid");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("urn:ash:invalid"));
        problem.setProperty("resource", error.resource());
        problem.setProperty("errors", fields(error.errors()));
        return respond(problem);
    }

    /** 404. */
    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, error.resource() + " not found");
        problem.setTitle("Not found");
        problem.setType(URI.create("urn:ash:not-found"));
        problem.setProperty("resource", error.resource());
        return respond(problem);
    }

    /** 400 naming the field. */
    @ExceptionHandler(InvalidQueryException.class)
    public ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
        problem.setTitle("Invalid query");
        problem.setType(URI.create("urn:ash:invalid-query"));
        problem.setProperty("resource", error.resource());
        problem.setProperty("field", error.field());
        return respond(problem);
    }

    /** 409: the records are locked by another transaction; the client may retry. */
    @ExceptionHandler(UnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(UnavailableException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, error.getMessage());
        problem.setTitle("Unavailable");
        problem.setType(URI.create("urn:ash:unavailable"));
        problem.setProperty("resource", error.resource());
        return respond(problem);
    }

    /**
     * 409: the record changed since the client read it ({@code @Version}); the client should read it
     * again. Carries the resource, the key and the version the client expected.
     */
    @ExceptionHandler(StaleRecordException.class)
    public ResponseEntity<ProblemDetail> stale(StaleRecordException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, error.resource()
                + " was changed by someone else since it was read: read it again and retry");
        problem.setTitle("Stale record");
        problem.setType(URI.create("urn:ash:stale-record"));
        problem.setProperty("resource", error.resource());
        problem.setProperty("key", String.valueOf(error.key()));
        problem.setProperty(error.versionAttribute(), error.expectedVersion());
        return respond(problem);
    }

    /** Each error as {@code {field, message, code}}, with the input's {@code index} for an error of a bulk write. */
    private static List<Map<String, Object>> fields(List<FieldError> errors) {
        return errors.stream().<Map<String, Object>>map(e -> e.index() == null
                        ? Map.of("field", e.field(), "message", e.message(), "code", e.code())
                        : Map.of("index", e.index(), "field", e.field(), "message", e.message(), "code", e.code()))
                .toList();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
