package io.ashspring.sample.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.error.NotFoundException;
import io.ashspring.query.Query;
import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Comment;
import io.ashspring.sample.Reaction;
import io.ashspring.sample.Ticket;

/** The comments of a ticket, and reactions to them; they are deleted with it. */
@RestController
@RequestMapping("/tickets/{ticketId}/comments")
public class CommentController {

    private final ResourceService<Ticket> tickets;
    private final ResourceService<Comment> comments;
    private final ResourceService<Reaction> reactions;

    /**
     * @param reactions the service of the polymorphic {@link Reaction}, bound here to the table
     *        {@code Comment.reactions} names
     */
    public CommentController(ResourceService<Ticket> tickets, ResourceService<Comment> comments,
                             ResourceService<Reaction> reactions) {
        this.tickets = tickets;
        this.comments = comments;
        this.reactions = reactions.inTable("comment_reactions");
    }

    /** Adds a comment to the ticket named by the path (which wins over any ticket in the body). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CommentResponse create(@PathVariable String ticketId, @RequestBody Map<String, Object> input) {
        Ticket ticket = tickets.get(ticketId); // 404 for an unknown ticket
        Map<String, Object> comment = new LinkedHashMap<>(input);
        comment.remove("ticketId");
        comment.put("ticket", ticket.id());
        return CommentResponse.from(comments.create(comment));
    }

    /** The ticket's comments, oldest first, each with its reactions. */
    @GetMapping
    public List<CommentResponse> list(@PathVariable String ticketId) {
        Ticket ticket = tickets.get(ticketId);
        return comments.read(q -> q.where("ticketId", ticket.id()).sort("insertedAt", "id")
                        .load("reactions", r -> r.sort("insertedAt", "id")))
                .stream().map(CommentResponse::from).toList();
    }

    /**
     * {@code POST /tickets/{ticketId}/comments/{id}/reactions {"emoji": "🎉"}}: 201 with the reaction
     * (stored in {@code comment_reactions}), 422 for invalid input, or 404 for a comment not on that ticket.
     */
    @PostMapping("/{id}/reactions")
    @ResponseStatus(HttpStatus.CREATED)
    public Reaction react(@PathVariable String ticketId, @PathVariable String id, @RequestBody Map<String, Object> input) {
        Ticket ticket = tickets.get(ticketId);
        Comment comment = comments.find(id, Query.all().where("ticketId", ticket.id()))
                .orElseThrow(() -> new NotFoundException(comments.resource().name(), id));
        Map<String, Object> reaction = new LinkedHashMap<>(input);
        reaction.put("subjectId", comment.id()); // the comment in the path wins over any in the body
        return reactions.create(reaction);
    }
}
