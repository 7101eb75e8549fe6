package io.ashspring.sample.web;

import java.time.Instant;
import java.util.UUID;

import io.ashspring.sample.Comment;

/** The JSON of a comment, with its ticket as {@code ticketId}. */
public record CommentResponse(UUID id, UUID ticketId, String body, Instant insertedAt) {

    static CommentResponse from(Comment comment) {
        return new CommentResponse(comment.id(), TicketResponse.idOf(comment.ticket()), comment.body(),
                comment.insertedAt());
    }
}
