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

import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Comment;
import io.ashspring.sample.Ticket;

/** The comments of a ticket; they are deleted with it. */
@RestController
@RequestMapping("/tickets/{ticketId}/comments")
public class CommentController {

    private final ResourceService<Ticket> tickets;
    private final ResourceService<Comment> comments;

    public CommentController(ResourceService<Ticket> tickets, ResourceService<Comment> comments) {
        this.tickets = tickets;
        this.comments = comments;
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

    @GetMapping
    public List<CommentResponse> list(@PathVariable String ticketId) {
        Ticket ticket = tickets.get(ticketId);
        return comments.read(q -> q.where("ticketId", ticket.id()).sort("insertedAt", "id")).stream()
                .map(CommentResponse::from).toList();
    }
}
