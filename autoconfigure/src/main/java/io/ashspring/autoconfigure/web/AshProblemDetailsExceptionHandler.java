package io.ashspring.autoconfigure.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.InvalidQueryException;
import io.ashspring.error.InvalidTenantException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.StaleRecordException;
import io.ashspring.error.TenantRequiredException;
import io.ashspring.error.UnavailableException;

/**
 * Turns Ash errors into RFC 9457 problem details: {@link InvalidException} → 422 with an
 * {@code errors} list of {@code {field, message, code}}; {@link NotFoundException} → 404;
 * {@link InvalidQueryException} → 400 naming the field; {@link UnavailableException} (a lock
 * held elsewhere, {@code NOWAIT}) → 409; {@link StaleRecordException} (a {@code @Version} that
 * moved on) → 409 with the resource, key and expected version; a database that cannot be reached
 * ({@link UnavailableException} of {@code DATABASE_UNREACHABLE}, or Spring's
 * {@link CannotGetJdbcConnectionException} and {@link CannotCreateTransactionException} from the
 * application's own JDBC and transactions) → 503 with a {@code Retry-After} header and a detail
 * that names no server. Define your own bean of this type to replace it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class AshProblemDetailsExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AshProblemDetailsExceptionHandler.class);

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

    /** 400: the request named a tenant that is not a valid tenant name. */
    @ExceptionHandler(InvalidTenantException.class)
    public ResponseEntity<ProblemDetail> invalidTenant(InvalidTenantException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
        problem.setTitle("Invalid tenant");
        problem.setType(URI.create("urn:ash:invalid-tenant"));
        return respond(problem);
    }

    /** 400: the call needs a tenant and the request named none; the detail names the resource and the fix. */
    @ExceptionHandler(TenantRequiredException.class)
    public ResponseEntity<ProblemDetail> tenantRequired(TenantRequiredException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
        problem.setTitle("Tenant required");
        problem.setType(URI.create("urn:ash:tenant-required"));
        problem.setProperty("resource", error.resource());
        return respond(problem);
    }

    /** Seconds a client is asked to wait before retrying when the database cannot be reached. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * 409: the records are locked by another transaction; 503 when the database cannot be reached.
     * Either way the client may retry.
     */
    @ExceptionHandler(UnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(UnavailableException error) {
        if (error.reason() == UnavailableException.Reason.DATABASE_UNREACHABLE) {
            logUnreachable(error);
            ProblemDetail problem = unreachable();
            problem.setProperty("resource", error.resource());
            return respondRetryLater(problem);
        }
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

    /**
     * 503: the application's own JDBC or transaction could not get a connection. The exception's
     * message (which may name the server) stays in the log, out of the answer.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    public ResponseEntity<ProblemDetail> noConnection(Exception error) {
        logUnreachable(error);
        return respondRetryLater(unreachable());
    }

    /** One line for the operator, with the driver's words (the stack trace at DEBUG): the answer says less. */
    private static void logUnreachable(Exception error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        log.warn("Answered 503: the database cannot be reached ({})", cause.getMessage());
        log.debug("The database cannot be reached", error);
    }

    private static ProblemDetail unreachable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached right now; try again later");
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("urn:ash:database-unreachable"));
        problem.setProperty("code", UnavailableException.Reason.DATABASE_UNREACHABLE.name());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respondRetryLater(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem);
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
