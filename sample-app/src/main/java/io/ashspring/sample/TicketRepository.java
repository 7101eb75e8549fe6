package io.ashspring.sample;

import java.util.List;
import java.util.UUID;

import io.ashspring.repository.Action;
import io.ashspring.repository.AshRepository;

/**
 * Tickets through a code-interface repository: Ash implements it at startup, binding the
 * {@link Action} methods to {@link Ticket}'s actions and deriving the others from their names.
 */
public interface TicketRepository extends AshRepository<Ticket, UUID> {

    /** Closes an open ticket, recording why; closing a closed ticket is a field error. */
    @Action("close")
    Ticket close(UUID id, String reason);

    /** Raises the priority by one, in the database ({@code priority = priority + 1}). */
    @Action("escalate")
    Ticket escalate(UUID id);

    /** The open tickets of at least this priority, highest first. */
    @Action("urgent")
    List<Ticket> urgent(int min);

    /** A representative's tickets, newest first: derived from the name. */
    List<Ticket> findByRepresentativeOrderByInsertedAtDesc(UUID representative);
}
