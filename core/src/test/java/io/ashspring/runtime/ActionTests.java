package io.ashspring.runtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ashspring.action.ActionContext;
import io.ashspring.action.ActionKind;
import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.actions.Agent;
import io.ashspring.fixtures.actions.AuditEntry;
import io.ashspring.fixtures.actions.Issue;
import io.ashspring.fixtures.actions.Note;
import io.ashspring.query.Query;
import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Named actions run against PostgreSQL: accept lists, arguments, changes, validations, hooks, read actions, context. */
@PostgresTest
class ActionTests extends ActionDeskTestBase {

    ResourceService<Agent> agents;
    ResourceService<AuditEntry> audit;
    ResourceService<Note> notes;

    @BeforeEach
    void services() {
        agents = ash.service(Agent.class);
        audit = ash.service(AuditEntry.class);
        notes = ash.service(Note.class);
    }

    @AfterEach
    void resetHook() {
        Issue.onClose = issue -> { };
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static List<FieldError> errors(Throwable thrown) {
        assertThat(thrown).isInstanceOf(InvalidException.class);
        return ((InvalidException) thrown).errors();
    }

    // ---------------------------------------------------------------- create

    @Test
    void aCreateActionRunsItsChangesAndTakesArgumentsWithDefaults() {
        Issue issue = issues.create("open", Map.of("subject", "Printer on fire", "description", "smoke"));
        assertThat(issue.status()).isEqualTo(Status.OPEN);
        assertThat(issue.escalated()).isFalse(); // the argument's default, set by a change
        assertThat(issue.openedBy()).isNull(); // no actor
        assertThat(jdbc.sql("SELECT escalated FROM issues WHERE id = ?").param(issue.id()).query(Boolean.class).single()).isFalse();
    }

    @Test
    void inputThatIsNeitherAcceptedNorAnArgumentIsRejectedNamingTheAction() {
        Throwable thrown = catchThrowableOfType(InvalidException.class,
                () -> issues.create("open", Map.of("subject", "Printer", "status", "closed", "colour", "red")));
        // Map.of has no order: the errors come in input order, whatever it is
        assertThat(errors(thrown)).extracting(FieldError::field, FieldError::message, FieldError::code).containsExactlyInAnyOrder(
                tuple("status", "is not accepted by action open (accepts: subject, description, "
                        + "assigneeId; arguments: urgent)", "not_accepted"),
                tuple("colour", "is not accepted by action open (accepts: subject, description, "
                        + "assigneeId; arguments: urgent)", "not_accepted"));
        assertThat(count("issues")).isZero();
    }

    @Test
    void argumentsAreConvertedByTheirTypeAndABadOneIsAFieldError() {
        Agent ann = agents.create(Map.of("name", "Ann"));
        Issue urgent = issues.create("open", Map.of("subject", "Server down", "urgent", "true", "assignee", ann.id().toString()));
        assertThat(urgent.escalated()).isTrue();
        assertThat(urgent.assignee().id()).isEqualTo(ann.id());
        assertThat(errors(catchThrowableOfType(InvalidException.class,
                () -> issues.create("open", Map.of("subject", "Server down", "urgent", "perhaps")))))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("urgent", "invalid"));
    }

    @Test
    void validationsReportEveryErrorAndNothingIsWritten() {
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.create("open", Map.of("subject", "ab")))))
                .extracting(FieldError::field, FieldError::message, FieldError::code)
                .containsExactly(tuple("subject", "must be at least 3 characters long", "min_length"));
        // present(subject) and the conditional present(assigneeId) where urgent: both fail
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.create("open", Map.of("urgent", true)))))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("subject", "present"),
                        tuple("assigneeId", "present"));
        assertThat(count("issues")).isZero();
    }

    @Test
    void changesAndValidationsSeeTheActorOfTheContext() {
        Agent ann = agents.create(Map.of("name", "Ann"));
        ResourceService<Issue> asAnn = issues.withActor(ann);
        assertThat(asAnn.context().actor()).isEqualTo(ann);
        assertThat(issues.context()).isEqualTo(ActionContext.none()); // the service itself is unchanged
        assertThat(asAnn.create("open", Map.of("subject", "Printer")).openedBy()).isEqualTo("Ann");
        assertThat(issues.withContext(ActionContext.actor("not an agent")).create("open", Map.of("subject", "Scanner"))
                .openedBy()).isNull();
    }

    @Test
    void theDefaultCreateStaysThePrimaryOneBesideNamedActions() {
        Issue issue = issues.create(Map.of("subject", "Imported", "status", "closed"));
        assertThat(issue.status()).isEqualTo(Status.CLOSED);
        assertThat(issue.version()).isEqualTo(1);
        assertThat(issues.resource().primaryAction(ActionKind.CREATE).isDefault()).isTrue();
        // the default still reports unknown and unwritable input as it always did
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.create(Map.of("subject", "x", "nope", 1)))))
                .extracting(FieldError::message).containsExactly("is not an attribute of Issue");
    }

    @Test
    void aDeclaredPrimaryCreateReplacesTheDefaultForCreateMap() {
        Note note = notes.create(Map.of("title", "Minutes"));
        assertThat(note.state()).isEqualTo("registered");
        assertThat(notes.resource().action("create")).isEmpty();
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> notes.create(Map.of("title", "x", "state", "y")))))
                .extracting(FieldError::message).containsExactly("is not accepted by action register (accepts: title, hidden)");
    }

    // ---------------------------------------------------------------- read

    @Test
    void aReadActionFiltersWithItsArgumentsAndSorts() {
        for (int p = 1; p <= 5; p++) {
            issues.create(Map.of("subject", "p" + p, "priority", p, "status", p == 4 ? "closed" : "open"));
        }
        assertThat(issues.read("openIssues", Map.of())).extracting(Issue::subject).containsExactly("p5", "p3", "p2", "p1");
        assertThat(issues.read("openIssues", Map.of("min", "3"))).extracting(Issue::subject).containsExactly("p5", "p3");
        // a caller's query narrows the action's filter, and its sort replaces the action's
        assertThat(issues.read("openIssues", Map.of("min", 2), Query.all().filter("priority < 5").sort("subject")))
                .extracting(Issue::subject).containsExactly("p2", "p3");
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.read("openIssues", Map.of("max", 3)))))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("max", "not_accepted"));
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.read("assignedTo", Map.of()))))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("name", "required"));
    }

    @Test
    void aReadActionFollowsRelationshipsInItsFilter() {
        Agent ann = agents.create(Map.of("name", "Ann"));
        issues.create(Map.of("subject", "mine", "assignee", ann.id()));
        issues.create(Map.of("subject", "nobody's"));
        assertThat(issues.read("assignedTo", Map.of("name", "Ann"))).extracting(Issue::subject).containsExactly("mine");
    }

    @Test
    void aPrimaryReadActionFiltersEveryReadOfTheService() {
        Note shown = notes.create(Map.of("title", "b"));
        notes.create(Map.of("title", "a"));
        Note hidden = notes.create(Map.of("title", "c", "hidden", true));
        assertThat(notes.readAll()).extracting(Note::title).containsExactly("a", "b"); // filtered and sorted by the action
        assertThat(notes.count(Query.all())).isEqualTo(2);
        assertThat(notes.find(hidden.id())).isEmpty();
        assertThatThrownBy(() -> notes.get(hidden.id())).isInstanceOf(NotFoundException.class);
        assertThat(notes.get(shown.id())).isEqualTo(shown);
        assertThat(notes.page(Query.all(), org.springframework.data.domain.PageRequest.of(0, 1)).getTotalElements()).isEqualTo(2);
        assertThat(count("notes")).isEqualTo(3);
    }

    // ---------------------------------------------------------------- update

    @Test
    void anUpdateActionValidatesAgainstTheStoredRecordAndRunsItsHookInTheSameTransaction() {
        Issue issue = issues.create("open", Map.of("subject", "Printer"));
        Issue.onClose = closed -> audit.create(Map.of("issueId", closed.id(), "event", "closed: " + closed.closedReason()));
        Issue closed = issues.update("close", issue.id(), Map.of("reason", "fixed"));
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.closedReason()).isEqualTo("fixed");
        assertThat(audit.readAll()).extracting(AuditEntry::event).containsExactly("closed: fixed");

        // the record is read to validate: closing twice fails on the stored status
        assertThat(errors(catchThrowableOfType(InvalidException.class,
                () -> issues.update("close", issue.id(), Map.of("reason", "again")))))
                .extracting(FieldError::field, FieldError::message).containsExactly(
                        tuple("status", "is already closed"));
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.update("close", issue.id(), Map.of()))))
                .extracting(FieldError::field).contains("reason");
        assertThatThrownBy(() -> issues.update("close", UUID.randomUUID(), Map.of("reason", "x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailingAfterActionHookRollsTheWholeActionBack() {
        Issue issue = issues.create("open", Map.of("subject", "Printer"));
        Issue.onClose = closed -> {
            audit.create(Map.of("issueId", closed.id(), "event", "closed"));
            throw new IllegalStateException("mail server down");
        };
        assertThatThrownBy(() -> issues.update("close", issue.id(), Map.of("reason", "fixed")))
                .isInstanceOf(IllegalStateException.class).hasMessage("mail server down");
        assertThat(issues.get(issue.id()).status()).isEqualTo(Status.OPEN);
        assertThat(count("audit_entries")).isZero();
    }

    @Test
    void anUpdateActionAcceptsOnlyItsAttributes() {
        Issue issue = issues.create(Map.of("subject", "Printer"));
        assertThat(issues.update("retitle", issue.id(), Map.of("subject", "Scanner")).subject()).isEqualTo("Scanner");
        assertThat(errors(catchThrowableOfType(InvalidException.class,
                () -> issues.update("retitle", issue.id(), Map.of("priority", 3)))))
                .extracting(FieldError::message).containsExactly("is not accepted by action retitle (accepts: subject)");
    }

    // ---------------------------------------------------------------- destroy

    @Test
    void aDestroyActionValidatesAndReturnsTheDeletedRecord() {
        Issue open = issues.create(Map.of("subject", "Printer"));
        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.destroy("archive", open.id(), Map.of()))))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("status", "equals"));
        assertThat(issues.find(open.id())).isPresent();
        Issue closed = issues.update("close", open.id(), Map.of("reason", "done"));
        Issue deleted = issues.destroy("archive", open.id(), Map.of());
        assertThat(deleted).isEqualTo(closed);
        assertThat(issues.find(open.id())).isEmpty();
    }

    // ---------------------------------------------------------------- run

    @Test
    void runRunsAnyActionByNameAndSaysWhatItDid() {
        ActionResult<Issue> created = issues.run("open", Map.of("subject", "Printer"));
        assertThat(created.kind()).isEqualTo(ActionKind.CREATE);
        Issue issue = created.record();
        ActionResult<Issue> read = issues.run("openIssues", Map.of("min", 1));
        assertThat(read.records()).containsExactly(issue);
        assertThatThrownBy(read::record).isInstanceOf(IllegalStateException.class).hasMessageContaining("records()");
        ActionResult<Issue> closed = issues.run("close", Map.of("id", issue.id().toString(), "reason", "done"));
        assertThat(closed.record().status()).isEqualTo(Status.CLOSED);
        assertThat(issues.run("archive", Map.of("id", issue.id())).record().id()).isEqualTo(issue.id());
        assertThat(issues.find(issue.id())).isEmpty();

        assertThat(errors(catchThrowableOfType(InvalidException.class, () -> issues.run("close", Map.of("reason", "x")))))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("id", "required"));
        assertThatThrownBy(() -> issues.run("reopen", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Issue has no action 'reopen' (actions: open, openIssues, assignedTo, close");
        assertThatThrownBy(() -> issues.create("close", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Issue.close is a update action, not a create action");
    }

    @Test
    void theDefaultActionsKeepWorkingByKeyAndByRecord() {
        Issue issue = issues.create(Map.of("subject", "Printer"));
        Issue updated = issues.updateRecord(issue, Map.of("priority", 7));
        assertThat(updated.priority()).isEqualTo(7);
        issues.destroyRecord(updated);
        assertThat(issues.find(issue.id())).isEmpty();
        assertThatThrownBy(() -> issues.destroy(issue.id())).isInstanceOf(NotFoundException.class);
    }
}
