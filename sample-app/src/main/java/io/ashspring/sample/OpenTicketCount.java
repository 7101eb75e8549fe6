package io.ashspring.sample;

import java.util.UUID;

import io.ashspring.resource.KeyGeneration;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/**
 * A row of the view {@code open_ticket_counts}: how many open tickets each representative has.
 * The view is a custom statement of {@link Ticket}; this resource only reads it
 * ({@code migrate = false}: no migration creates, changes or drops a table for it).
 */
@Resource(table = "open_ticket_counts", migrate = false)
public record OpenTicketCount(
        @PrimaryKey(generated = KeyGeneration.NONE) UUID representativeId,
        Long openTickets) {
}
