package io.ashspring.sample;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.Count;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.CustomIndex;
import io.ashspring.resource.CustomStatement;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.Identity;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceSpec;
import io.ashspring.resource.UpdateTimestamp;
import io.ashspring.resource.Version;

import static io.ashspring.action.Changes.atomic;
import static io.ashspring.action.Changes.set;
import static io.ashspring.action.Changes.setFromArgument;
import static io.ashspring.action.Validations.attributeDoesNotEqual;

/**
 * A support ticket. Deleting its representative leaves the ticket unassigned (NILIFY); deleting
 * the ticket deletes its comments (see {@link Comment#ticket()}). A ticket may be filed under a
 * {@link SupportPlan}, which cannot be deleted while tickets use it. The partial index serves the
 * default listing, open tickets newest first. The custom statement creates the view
 * {@code open_ticket_counts}, read through {@link OpenTicketCount}.
 *
 * <p>Besides the default actions, a ticket is closed with a reason ({@code close}), escalated one
 * priority up in the database ({@code escalate}, which the check constraint stops at 5), and the
 * urgent open tickets are a read action ({@code urgent}); {@link TicketRepository} binds them to
 * methods. {@code version} makes every update check that nobody changed the ticket since it was
 * read, when the caller says which version it read.
 */
@Resource(table = "tickets")
@Identity(name = "unique_subject", keys = "subject")
@CheckConstraint(name = "priority_in_range", check = "priority BETWEEN 1 AND 5", fields = "priority",
        message = "must be between 1 and 5")
@CustomIndex(fields = {"status", "insertedAt desc"}, where = "status = 'open'")
@CustomStatement(name = "open_ticket_counts_view",
        up = """
                CREATE VIEW open_ticket_counts AS
                  SELECT representative_id, count(*) AS open_tickets
                  FROM tickets WHERE status = 'open' AND representative_id IS NOT NULL
                  GROUP BY representative_id""",
        down = "DROP VIEW open_ticket_counts")
public record Ticket(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false, maxLength = 200) String subject,
        @Attribute(defaultValue = "open") Status status,
        @Attribute(defaultValue = "1") Integer priority,
        @BelongsTo @Reference(onDelete = OnDelete.NILIFY) Ref<Representative, UUID> representative,
        @BelongsTo Ref<SupportPlan, UUID> plan,
        @HasMany List<Comment> comments,
        @Count("comments") Long commentCount,
        String closedReason,
        @CreateTimestamp Instant insertedAt,
        @UpdateTimestamp Instant updatedAt,
        @Version Integer version) {

    static void configure(ResourceSpec<Ticket> spec) {
        spec.update("close").argument("reason", String.class, a -> a.allowNil(false))
                .validate(attributeDoesNotEqual("status", Status.CLOSED).message("is already closed"))
                .change(set("status", Status.CLOSED))
                .change(setFromArgument("closedReason", "reason"));
        spec.update("escalate").change(atomic("priority", "priority + 1"));
        spec.read("urgent").argument("min", Integer.class, a -> a.defaultValue(4))
                .filter("status == 'open' and priority >= ^arg(min)").sort("-priority", "insertedAt");
    }
}
