package io.ashspring.sample.web;

import java.time.Instant;
import java.util.UUID;

import io.ashspring.resource.Ref;
import io.ashspring.sample.Status;
import io.ashspring.sample.Ticket;

/**
 * The JSON of a ticket: its attributes, with the representative as its key
 * ({@code representativeId}) rather than a {@link Ref}, and without the comments (not loaded).
 */
public record TicketResponse(UUID id, String subject, Status status, Integer priority, UUID representativeId,
                             Instant insertedAt, Instant updatedAt) {

    static TicketResponse from(Ticket ticket) {
        return new TicketResponse(ticket.id(), ticket.subject(), ticket.status(), ticket.priority(),
                idOf(ticket.representative()), ticket.insertedAt(), ticket.updatedAt());
    }

    static <ID> ID idOf(Ref<?, ID> ref) {
        return ref == null ? null : ref.id();
    }
}
