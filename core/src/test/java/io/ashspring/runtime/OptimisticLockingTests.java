package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.StaleRecordException;
import io.ashspring.fixtures.actions.Issue;
import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code @Version}: set on create, moved by every update, required by writes of a record read earlier. */
@PostgresTest
class OptimisticLockingTests extends ActionDeskTestBase {

    @Test
    void theVersionStartsAtOneAndEveryUpdateMovesIt() {
        Issue issue = issues.create(Map.of("subject", "Printer"));
        assertThat(issue.version()).isEqualTo(1);
        assertThat(issues.update(issue.id(), Map.of("priority", 2)).version()).isEqualTo(2);
        assertThat(issues.update("close", issue.id(), Map.of("reason", "done")).version()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT version FROM issues").query(Integer.class).single()).isEqualTo(3);
        assertThat(((InvalidException) catchThrowableOfType(InvalidException.class,
                () -> issues.create(Map.of("subject", "x", "version", 9)))).errors())
                .extracting(FieldError::field).containsExactly("version");
    }

    @Test
    void aStaleRecordIsRefusedNamingTheResourceKeyAndVersion() {
        Issue read = issues.create(Map.of("subject", "Printer"));
        Issue newer = issues.updateRecord(read, Map.of("priority", 5));
        StaleRecordException stale = catchThrowableOfType(StaleRecordException.class,
                () -> issues.updateRecord(read, Map.of("priority", 9)));
        assertThat(stale.resource()).isEqualTo("Issue");
        assertThat(stale.key()).isEqualTo(read.id());
        assertThat(stale.versionAttribute()).isEqualTo("version");
        assertThat(stale.expectedVersion()).isEqualTo(1);
        assertThat(stale.getMessage()).contains("Issue " + read.id() + " is stale").contains("version 1");
        assertThat(issues.get(read.id())).isEqualTo(newer);

        assertThatThrownBy(() -> issues.destroyRecord(read)).isInstanceOf(StaleRecordException.class);
        assertThat(issues.find(read.id())).isPresent();
        issues.destroyRecord(newer);
        assertThat(issues.find(read.id())).isEmpty();
    }

    @Test
    void anUpdateByKeyRequiresTheVersionItsInputCarries() {
        Issue issue = issues.create(Map.of("subject", "Printer"));
        assertThat(issues.update(issue.id(), Map.of("priority", 2, "version", 1)).version()).isEqualTo(2);
        assertThatThrownBy(() -> issues.update(issue.id(), Map.of("priority", 3, "version", "1")))
                .isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> issues.run("close", Map.of("id", issue.id(), "reason", "x", "version", 1)))
                .isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> issues.destroy("archive", issue.id(), Map.of("version", 1)))
                .isInstanceOf(InvalidException.class); // still open: the validation speaks first
        assertThatThrownBy(() -> issues.update(UUID.randomUUID(), Map.of("priority", 3, "version", 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(issues.get(issue.id()).priority()).isEqualTo(2);
        // without a version in the input, an update by key applies to whatever version is stored
        assertThat(issues.update(issue.id(), Map.of("priority", 4)).version()).isEqualTo(3);
    }

    @Test
    void ofTwoConcurrentEditorsOfOneVersionExactlyOneWins() throws Exception {
        Issue issue = issues.create(Map.of("subject", "Printer"));
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Issue>> editors = new ArrayList<>();
        try {
            for (int editor = 1; editor <= 2; editor++) {
                int priority = editor * 10;
                editors.add(pool.submit(() -> {
                    Issue mine = issues.get(issue.id());
                    bothRead.await(30, TimeUnit.SECONDS);
                    return issues.updateRecord(mine, Map.of("priority", priority));
                }));
            }
            int won = 0;
            int stale = 0;
            for (Future<Issue> editor : editors) {
                try {
                    editor.get(1, TimeUnit.MINUTES);
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StaleRecordException.class);
                    stale++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(stale).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Issue stored = issues.get(issue.id());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.priority()).isIn(10, 20);
    }
}
