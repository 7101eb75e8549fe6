package io.ashspring.sample.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ashspring.resource.Ref;
import io.ashspring.sample.Status;
import io.ashspring.sample.Ticket;

/**
 * The JSON of a ticket: its attributes, with the representative as its key
 * ({@code representativeId}) rather than a {@link Ref}; the comments and their count only when
 * the request loaded them ({@code load=comments,commentCount}); left out of the JSON otherwise.
 */
public record TicketResponse(UUID id, String subject, Status status, Integer priority, UUID representativeId,
                             Instant insertedAt, Instant updatedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<CommentResponse> comments,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long commentCount) {

    static TicketResponse from(Ticket ticket) {
        return new TicketResponse(ticket.id(), ticket.subject(), ticket.status(), ticket.priority(),
                idOf(ticket.representative()), ticket.insertedAt(), ticket.updatedAt(),
                ticket.comments() == null ? null : ticket.comments().stream().map(CommentResponse::from).toList(),
                ticket.commentCount());
    }

    static <ID> ID idOf(Ref<?, ID> ref) {
        return ref == null ? null : ref.id();
    }
}
