package io.ashspring.resource;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.action.ActionKind;
import io.ashspring.action.Changes;
import io.ashspring.action.Validations;
import io.ashspring.fixtures.actions.ActionDesk;
import io.ashspring.fixtures.actions.Issue;
import io.ashspring.resource.model.ActionModel;
import io.ashspring.resource.model.ResourceModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Actions and versions as the registry freezes and checks them; every mistake is a problem naming the fix. */
class ActionRegistryTests {

    @Resource(table = "owners")
    record Owner(@PrimaryKey UUID id, String name, @HasMany List<Ticket> tickets) {
    }

    @Resource(table = "tickets")
    record Ticket(@PrimaryKey UUID id, String subject, String status, @CreateTimestamp java.time.Instant insertedAt,
                  @BelongsTo Ref<Owner, UUID> owner) {

        static void configure(ResourceSpec<Ticket> spec) {
            spec.create("open").accept("subjct", "insertedAt", "owner").argument("status", String.class);
            spec.create("open").accept("subject");
            spec.create("import").primary();
            spec.create("seed").primary();
            spec.update("create");
            spec.update("touch").argument("when", Thread.class).argument("count", Integer.class, a -> a.defaultValue("many"))
                    .argument("note", String.class).argument("note", String.class);
            spec.destroy("purge").accept("subject");
            spec.read("broken").filter("status == ");
            spec.read("unknown").filter("statuss == 'open' and owner.nam == 'x' and ^arg(min) > 1").sort("-inserted");
            spec.read("paths").filter("tickets.subject == 'x'");
            spec.read("owners").filter("owner.tickets.subject == 'x' or exists(owner.tickets, subject == parent(subjectt))");
        }
    }

    @Resource(table = "versioned")
    record Versioned(@PrimaryKey UUID id, @Version String version, @Version Long other) {
    }

    @Test
    void everyMistakeInTheActionsIsReportedWithItsFix() {
        ResourceModelException thrown = catchThrowableOfType(ResourceModelException.class,
                () -> ResourceRegistry.of(Owner.class, Ticket.class));
        List<String> problems = thrown.problems().stream().map(ModelProblem::toString).toList();
        assertThat(problems).contains(
                "Ticket.configure: action 'open' accepts 'subjct', which is not an attribute of Ticket. Fix: accept one of: "
                        + "subject, status, ownerId",
                "Ticket.configure: action 'open' accepts 'insertedAt', which input cannot set (it is not writable). Fix: "
                        + "remove it from accept(...); a change may still set it",
                "Ticket.configure: action 'open' argument 'status' has the name of an attribute of Ticket. Fix: rename the "
                        + "argument (input names one or the other), or accept the attribute instead",
                "Ticket.configure: declares the action 'open' twice. Fix: give each action its own name",
                "Ticket.configure: has 2 primary create actions (import, seed). Fix: mark only one of them primary()",
                "Ticket.configure: destroy action 'purge' accepts attributes, but a destroy writes none. Fix: remove "
                        + "accept(...); take the input as arguments",
                "Ticket.configure: action 'touch' argument 'note' is declared twice. Fix: give each argument its own name",
                "Ticket.configure: read action 'unknown' names 'statuss', which is not a field of Ticket. Fix: use one of: "
                        + "id, subject, status, insertedAt, ownerId",
                "Ticket.configure: read action 'unknown' names 'owner.nam', which is not a field of Owner. Fix: use one of: "
                        + "id, name",
                "Ticket.configure: read action 'unknown' refers to ^arg(min), which is not one of its arguments. Fix: "
                        + "declare it: argument(\"min\", Type.class)",
                "Ticket.configure: read action 'unknown' names 'inserted', which is not a field of Ticket. Fix: use one of: "
                        + "id, subject, status, insertedAt, ownerId",
                "Ticket.configure: read action 'owners' names 'owner.tickets.subject' through the has_many relationship "
                        + "tickets. Fix: use exists(tickets, ...) or an aggregate",
                "Ticket.configure: read action 'owners' names 'subjectt', which is not a field of Ticket. Fix: use one of: "
                        + "id, subject, status, insertedAt, ownerId",
                "Ticket.configure: read action 'paths' names 'tickets.subject', but 'tickets' is not a relationship of "
                        + "Ticket. Fix: use one of: owner");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Ticket.configure: action 'touch' argument 'when': "
                + "java.lang.Thread is not a supported attribute type"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Ticket.configure: action 'touch' argument 'count' "
                + "has the default 'many', which is not a valid Integer"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Ticket.configure: read action 'broken' has a filter "
                + "that does not parse: "));
        assertThat(problems).doesNotContain("Ticket.configure: action 'create' is a update action, but 'create' is the "
                + "name of the default create action. Fix: rename it, or declare a primary create action"); // import/seed are primary
    }

    @Resource(table = "clashes")
    record Clash(@PrimaryKey UUID id, String name) {
        static void configure(ResourceSpec<Clash> spec) {
            spec.update("create");
        }
    }

    @Test
    void anActionNamedLikeTheDefaultOfAnotherKindIsAProblem() {
        ResourceModelException thrown = catchThrowableOfType(ResourceModelException.class, () -> ResourceRegistry.of(Clash.class));
        assertThat(thrown.problems()).extracting(ModelProblem::toString).containsExactly("Clash.configure: action 'create' "
                + "is a update action, but 'create' is the name of the default create action. Fix: rename it, or declare a "
                + "primary create action");
    }

    @Test
    void aVersionIsOneIntegerAttribute() {
        ResourceModelException thrown = catchThrowableOfType(ResourceModelException.class, () -> ResourceRegistry.of(Versioned.class));
        assertThat(thrown.problems()).extracting(ModelProblem::toString).containsExactly(
                "Versioned.version: is @Version but its type is String. Fix: use Integer or Long: the version counts updates",
                "Versioned.other: is a second @Version attribute (after version). Fix: keep one version attribute");
    }

    @Test
    void eachKindWithoutAPrimaryActionGetsTheDefaultAcceptingEveryWritableAttribute() {
        ResourceModel issue = ActionDesk.registry().resource(Issue.class);
        ActionModel create = issue.primaryAction(ActionKind.CREATE);
        assertThat(create.name()).isEqualTo("create");
        assertThat(create.isDefault()).isTrue();
        assertThat(create.accept()).containsExactly("subject", "description", "status", "priority", "views", "escalated",
                "closedReason", "openedBy", "assigneeId");
        assertThat(issue.primaryAction(ActionKind.DESTROY).accept()).isEmpty();
        assertThat(issue.actions()).extracting(ActionModel::name).containsExactly("open", "openIssues", "assignedTo", "close",
                "escalate", "view", "retitle", "archive", "create", "read", "update", "destroy");
        ActionModel open = issue.requireAction("open");
        assertThat(open.accept()).containsExactly("subject", "description", "assigneeId"); // a belongs_to by its relationship
        assertThat(open.arguments()).extracting(a -> a.name() + "=" + a.defaultValue()).containsExactly("urgent=false");
        assertThat(open.validations()).hasSize(3);
        assertThat(open.changes()).hasSize(6);
        assertThat(issue.requireAction("openIssues").filter()).isNotNull();
        assertThat(issue.version()).hasValueSatisfying(v -> {
            assertThat(v.name()).isEqualTo("version");
            assertThat(v.writable()).isFalse();
            assertThat(v.allowNil()).isFalse();
            assertThat(v.defaultValue()).isEqualTo(1);
        });
    }

    @Resource(table = "primaries")
    record Primaries(@PrimaryKey UUID id, String name) {
        static void configure(ResourceSpec<Primaries> spec) {
            spec.create("create").accept("name").change(Changes.set("name", "fixed"));
            spec.update("rename").primary().accept("name").validate(Validations.present("name"));
        }
    }

    @Test
    void anActionNamedAfterItsKindOrMarkedPrimaryReplacesTheDefault() {
        ResourceModel model = ResourceRegistry.of(Primaries.class).resource(Primaries.class);
        assertThat(model.primaryAction(ActionKind.CREATE).isDefault()).isFalse();
        assertThat(model.primaryAction(ActionKind.UPDATE).name()).isEqualTo("rename");
        assertThat(model.action("update")).isEmpty();
        assertThat(model.actions()).extracting(ActionModel::name).containsExactly("create", "rename", "read", "destroy");
    }
}
