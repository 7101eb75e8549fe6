package io.ashspring.sample.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ashspring.resource.Ref;
import io.ashspring.sample.Status;
import io.ashspring.sample.Ticket;

/**
 * The JSON of a ticket: its attributes, with the representative and the support plan as their keys
 * ({@code representativeId}, {@code planId}) rather than {@link Ref}s; the representative, the
 * comments and their count only when the request loaded them
 * ({@code load=representative,comments,commentCount}); left out of the JSON otherwise. The reason
 * a ticket was closed shows once it is closed; {@code version} is what a {@code PATCH} sends back
 * to make sure nobody changed the ticket in between.
 */
public record TicketResponse(UUID id, String subject, Status status, Integer priority, UUID representativeId,
                             UUID planId, @JsonInclude(JsonInclude.Include.NON_NULL) String closedReason,
                             Instant insertedAt, Instant updatedAt, Integer version,
                             @JsonInclude(JsonInclude.Include.NON_NULL) RepresentativeResponse representative,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<CommentResponse> comments,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long commentCount) {

    static TicketResponse from(Ticket ticket) {
        return new TicketResponse(ticket.id(), ticket.subject(), ticket.status(), ticket.priority(),
                idOf(ticket.representative()), idOf(ticket.plan()), ticket.closedReason(), ticket.insertedAt(),
                ticket.updatedAt(), ticket.version(),
                ticket.representative() != null && ticket.representative().isLoaded()
                        ? RepresentativeResponse.from(ticket.representative().get()) : null,
                ticket.comments() == null ? null : ticket.comments().stream().map(CommentResponse::from).toList(),
                ticket.commentCount());
    }

    static <ID> ID idOf(Ref<?, ID> ref) {
        return ref == null ? null : ref.id();
    }
}
