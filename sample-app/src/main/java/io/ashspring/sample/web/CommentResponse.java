package io.ashspring.sample.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ashspring.sample.Comment;
import io.ashspring.sample.Reaction;

/** The JSON of a comment, with its ticket as {@code ticketId}, and its reactions when they were loaded. */
public record CommentResponse(UUID id, UUID ticketId, String body, Instant insertedAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Reaction> reactions) {

    static CommentResponse from(Comment comment) {
        return new CommentResponse(comment.id(), TicketResponse.idOf(comment.ticket()), comment.body(),
                comment.insertedAt(), comment.reactions());
    }
}
