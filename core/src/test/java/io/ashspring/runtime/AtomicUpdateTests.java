package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.InvalidQueryException;
import io.ashspring.fixtures.actions.ActionDesk;
import io.ashspring.fixtures.actions.Issue;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.sql.RenderedSql;
import io.ashspring.sql.SqlCompiler;
import io.ashspring.test.PostgresTest;

import static io.ashspring.expr.Expressions.atomic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Update values that PostgreSQL evaluates against the row, so that concurrent updates all count. */
@PostgresTest
class AtomicUpdateTests extends ActionDeskTestBase {

    @Test
    void anExpressionValueIsEvaluatedInSqlAgainstTheRowWithItsValuesBound() {
        ResourceRegistry registry = ActionDesk.registry();
        var resource = registry.resource(Issue.class);
        RenderedSql sql = new SqlCompiler(registry::resource).update(resource, List.of(java.util.UUID.randomUUID()),
                Map.of(resource.requireAttribute("priority"), atomic("priority + 1")), Map.of(), Map.of());
        assertThat(sql.sql()).startsWith("UPDATE \"public\".\"issues\" t0 SET \"priority\" = (t0.\"priority\" + ?) WHERE \"id\" = ?")
                .endsWith("RETURNING \"id\", \"subject\", \"description\", \"status\", \"priority\", \"views\", \"escalated\", "
                        + "\"closed_reason\", \"opened_by\", \"assignee_id\", \"inserted_at\", \"version\"");
        assertThat(sql.binds()).hasSize(2);
    }

    @Test
    void updateTakesAnAtomicValueLikeAnyOther() {
        Issue issue = issues.create(Map.of("subject", "Printer", "priority", 3));
        Issue updated = issues.update(issue.id(), Map.of("priority", atomic("priority * 2 + 1"), "subject", "Scanner"));
        assertThat(updated.priority()).isEqualTo(7);
        assertThat(updated.subject()).isEqualTo("Scanner");
    }

    @Test
    void anAtomicChangeUsesTheActionsArguments() {
        Issue issue = issues.create(Map.of("subject", "Printer"));
        assertThat(issues.update("escalate", issue.id(), Map.of()).priority()).isEqualTo(2);
        assertThat(issues.update("escalate", issue.id(), Map.of("by", "5")).priority()).isEqualTo(7);
        assertThat(issues.update("view", issue.id(), Map.of()).views()).isEqualTo(1L);
    }

    @Test
    void concurrentAtomicUpdatesAllCount() throws Exception {
        Issue issue = issues.create(Map.of("subject", "Popular"));
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Void> work = () -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        issues.update("view", issue.id(), Map.of());
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Issue counted = issues.get(issue.id());
        assertThat(counted.views()).isEqualTo(400L);
        assertThat(counted.version()).isEqualTo(401); // every update moved the version too
    }

    @Test
    void theAttributeConstraintsAreCheckedOnTheComputedValueAndAViolationWritesNothing() {
        Issue issue = issues.create(Map.of("subject", "Printer", "priority", 48));
        Throwable thrown = catchThrowableOfType(InvalidException.class,
                () -> issues.update("escalate", issue.id(), Map.of("by", 5)));
        assertThat(((InvalidException) thrown).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("priority", "max"));
        assertThat(issues.get(issue.id())).isEqualTo(issue);
    }

    @Test
    void theDatabasesOwnChecksStillMapToFieldErrors() {
        Issue issue = issues.create(Map.of("subject", "Printer"));
        Throwable thrown = catchThrowableOfType(InvalidException.class,
                () -> issues.update(issue.id(), Map.of("views", atomic("views - 10"))));
        assertThat(((InvalidException) thrown).errors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("views", "must not be negative"));
        Throwable required = catchThrowableOfType(InvalidException.class,
                () -> issues.update(issue.id(), Map.of("subject", atomic("nil"))));
        assertThat(((InvalidException) required).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("subject", "required"));
        assertThat(issues.get(issue.id())).isEqualTo(issue);
    }

    @Test
    void anExpressionCannotCreateARecordNorReachOtherRows() {
        assertThat(((InvalidException) catchThrowableOfType(InvalidException.class,
                () -> issues.create(Map.of("subject", "x", "priority", atomic("priority + 1"))))).errors())
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("priority", "invalid"));
        Issue issue = issues.create(Map.of("subject", "Printer"));
        assertThatThrownBy(() -> issues.update(issue.id(), Map.of("subject", atomic("assignee.name"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("only use the record's own attributes");
        assertThatThrownBy(() -> issues.update(issue.id(), Map.of("priority", atomic("nope + 1"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("nope");
    }
}
