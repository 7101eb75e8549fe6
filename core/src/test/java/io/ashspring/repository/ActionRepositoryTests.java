package io.ashspring.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.action.ActionKind;
import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.StaleRecordException;
import io.ashspring.fixtures.Status;
import io.ashspring.fixtures.actions.ActionDesk;
import io.ashspring.fixtures.actions.Agent;
import io.ashspring.fixtures.actions.Issue;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.repository.issues.IssueRepository;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.ActionResult;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Repository methods bound to actions with {@link Action}: every kind and shape, and the startup errors. */
@PostgresTest
class ActionRepositoryTests {

    static final ResourceRegistry REGISTRY = ActionDesk.registry();
    static AshRuntime runtime;
    static JdbcClient jdbc;
    static AnnotationConfigApplicationContext context;
    static IssueRepository issues;

    @Configuration
    @EnableAshRepositories(basePackageClasses = IssueRepository.class)
    static class Issues {
    }

    @BeforeAll
    static void start(TestDatabase database) {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        runtime = AshRuntime.of(REGISTRY, database.dataSource());
        jdbc = JdbcClient.create(database.dataSource());
        context = new AnnotationConfigApplicationContext();
        context.registerBean(AshRuntime.class, () -> runtime);
        context.register(Issues.class);
        context.refresh();
        issues = context.getBean(IssueRepository.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE issues, agents, audit_entries, notes").update();
    }

    private Agent agent(String name) {
        return runtime.service(Agent.class).create(Map.of("name", name));
    }

    @Test
    void createActionTakesItsParametersAsInput() {
        Agent ada = agent("Ada");
        Issue issue = issues.open("Printer on fire", true, ada.id());
        assertThat(issue.subject()).isEqualTo("Printer on fire");
        assertThat(issue.escalated()).isTrue();
        assertThat(issue.status()).isEqualTo(Status.OPEN);
        assertThat(issue.assignee().id()).isEqualTo(ada.id());
        assertThat(jdbc.sql("SELECT count(*) FROM issues").query(Long.class).single()).isEqualTo(1L);
        // the action's validations run: urgent without an assignee
        assertThatThrownBy(() -> issues.open("Coffee machine", true, null))
                .isInstanceOf(InvalidException.class).hasMessageContaining("assigneeId");
    }

    @Test
    void looseInputAndTheWholeResult() {
        ActionResult<Issue> result = issues.openWith("Broken chair", Map.of("description", "a leg is missing"));
        assertThat(result.kind()).isEqualTo(ActionKind.CREATE);
        assertThat(result.record().description()).isEqualTo("a leg is missing");
        assertThat(result.record().subject()).isEqualTo("Broken chair");
        // loose input is checked against the action like any input
        assertThatThrownBy(() -> issues.openWith("Broken desk", Map.of("status", "closed")))
                .isInstanceOf(InvalidException.class).hasMessageContaining("status is not accepted by action open");
    }

    @Test
    void readActionTakesArgumentsAndNarrowing() {
        Issue low = issues.open("Low one", false, null);
        Issue high = issues.open("High one", false, null);
        issues.escalate(high.id(), 5);
        Issue closed = issues.open("Closed one", false, null);
        issues.escalate(closed.id(), 9);
        issues.close(closed.id(), "done");

        assertThat(issues.openIssues(0)).extracting(Issue::subject).containsExactly("High one", "Low one");
        assertThat(issues.openIssues(3)).extracting(Issue::subject).containsExactly("High one");
        assertThat(issues.openIssues(0, Query.all().filter("subject == 'Low one'"), Sort.unsorted(), Limit.unlimited()))
                .extracting(Issue::id).containsExactly(low.id());
        assertThat(issues.openIssues(0, Query.all(), Sort.by("priority"), Limit.of(1)))
                .extracting(Issue::id).containsExactly(low.id());
    }

    @Test
    void readActionReturningOneRecord() {
        Agent ada = agent("Ada");
        Agent bob = agent("Bob");
        assertThat(issues.onlyIssueOf("Ada")).isEmpty();
        Issue first = issues.open("First", true, ada.id());
        assertThat(issues.onlyIssueOf("Ada")).get().extracting(Issue::id).isEqualTo(first.id());
        issues.open("Second", true, ada.id());
        issues.open("Third", true, bob.id());
        assertThatThrownBy(() -> issues.onlyIssueOf("Ada")).isInstanceOf(IncorrectResultSizeDataAccessException.class)
                .hasMessageContaining("IssueRepository.onlyIssueOf returns one Issue but more than one matches");
    }

    @Test
    void updateActionsByKeyAndByRecord() {
        Issue issue = issues.open("Printer", false, null);
        Issue escalated = issues.escalate(issue.id(), 3);
        assertThat(escalated.priority()).isEqualTo(4);
        assertThat(issues.escalate(escalated).priority()).isEqualTo(5);
        Issue closed = issues.close(issue.id(), "toner replaced");
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.closedReason()).isEqualTo("toner replaced");
        // the validation of the action runs
        assertThatThrownBy(() -> issues.close(issue.id(), "again")).isInstanceOf(InvalidException.class)
                .hasMessageContaining("is already closed");
        assertThatThrownBy(() -> issues.close(UUID.randomUUID(), "nothing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theVersionAsAParameterIsTheVersionExpected() {
        Issue issue = issues.open("Printer", false, null);
        issues.escalate(issue.id(), 1);
        assertThatThrownBy(() -> issues.close(issue, "stale", issue.version())).isInstanceOf(StaleRecordException.class);
        Issue current = issues.getById(issue.id());
        assertThat(issues.close(current, "fresh", current.version()).status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void destroyActions() {
        Issue open = issues.open("Open", false, null);
        assertThatThrownBy(() -> issues.archive(open.id())).isInstanceOf(InvalidException.class);
        assertThat(issues.existsById(open.id())).isTrue();
        issues.close(open.id(), "done");
        issues.archive(open.id());
        assertThat(issues.existsById(open.id())).isFalse();

        Issue other = issues.open("Other", false, null);
        Issue closed = issues.close(other.id(), "done");
        assertThat(issues.archive(closed).id()).isEqualTo(other.id());
        assertThat(issues.existsById(other.id())).isFalse();
    }

    // ---------------------------------------------------------------- startup errors

    interface UnknownAction extends AshRepository<Issue, UUID> {
        @Action("reopen")
        Issue reopen(UUID id);
    }

    interface UnknownParameter extends AshRepository<Issue, UUID> {
        @Action("close")
        Issue close(UUID id, String why);
    }

    interface MissingArgument extends AshRepository<Issue, UUID> {
        @Action("close")
        Issue close(UUID id);
    }

    interface NotAccepted extends AshRepository<Issue, UUID> {
        @Action("open")
        Issue open(String subject, Status status);
    }

    interface NoRecord extends AshRepository<Issue, UUID> {
        @Action("escalate")
        Issue escalate(String subject, int by);
    }

    interface WrongReturn extends AshRepository<Issue, UUID> {
        @Action("open")
        List<Issue> open(String subject);
    }

    interface QueryOnWrite extends AshRepository<Issue, UUID> {
        @Action("open")
        Issue open(String subject, Query query);
    }

    private static void create(Class<?> repository) {
        new AshRepositoryFactory(runtime).getRepository(repository);
    }

    @Test
    void mistakesAreStartupErrorsNamingTheMethod() {
        assertThatThrownBy(() -> create(UnknownAction.class)).hasMessageContaining(
                "UnknownAction.reopen: Issue has no action reopen (actions: open, openIssues, assignedTo, close,");
        assertThatThrownBy(() -> create(UnknownParameter.class)).hasMessageContaining(
                "UnknownParameter.close: parameter why is neither an argument of update action close (reason)");
        assertThatThrownBy(() -> create(MissingArgument.class)).hasMessageContaining(
                "MissingArgument.close: update action close requires the argument reason. Fix: add a parameter named reason");
        assertThatThrownBy(() -> create(NotAccepted.class)).hasMessageContaining(
                "NotAccepted.open: parameter status is neither an argument of create action open (urgent) "
                        + "nor an attribute it accepts (subject, description, assigneeId)");
        assertThatThrownBy(() -> create(NoRecord.class)).hasMessageContaining(
                "NoRecord.escalate: update action escalate changes one record; its first parameter is the record's key "
                        + "(UUID) or the Issue itself, not a String");
        assertThatThrownBy(() -> create(WrongReturn.class)).hasMessageContaining(
                "WrongReturn.open: create action open cannot return a java.util.List<io.ashspring.fixtures.actions.Issue>");
        assertThatThrownBy(() -> create(QueryOnWrite.class)).hasMessageContaining(
                "QueryOnWrite.open: a Query parameter is not input to create action open; only a read action takes");
    }
}
