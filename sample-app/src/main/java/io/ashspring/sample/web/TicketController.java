package io.ashspring.sample.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.ashspring.query.Query;
import io.ashspring.query.QueryInput;
import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Ticket;

/**
 * Tickets over HTTP. Request bodies are plain maps handed to the service, which converts and
 * validates them: unknown fields, wrong types, missing required values and database constraint
 * violations all come back as 422 problems with field errors. An id that is not a UUID cannot
 * exist, so it is a 404 like any other unknown id.
 */
@RestController
@RequestMapping("/tickets")
public class TicketController {

    private final ResourceService<Ticket> tickets;
    private final QueryInput queryInput;

    public TicketController(ResourceService<Ticket> tickets, QueryInput queryInput) {
        this.tickets = tickets;
        this.queryInput = queryInput;
    }

    @PostMapping
    public ResponseEntity<TicketResponse> create(@RequestBody Map<String, Object> input) {
        Ticket ticket = tickets.create(input);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(ticket.id()).toUri();
        return ResponseEntity.created(location).body(TicketResponse.from(ticket));
    }

    /**
     * {@code GET /tickets?status=open&filter[priority][gte]=3&filter[commentCount][gt]=0&sort=-priority,subject
     * &load=comments,commentCount&page=0&size=20}: {@code filter[...]}, {@code sort} and {@code load} go
     * through {@link QueryInput}, which reaches only public attributes, aggregates and calculations.
     */
    @GetMapping
    public PagedModel<TicketResponse> list(@RequestParam(required = false) String status,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestParam MultiValueMap<String, String> parameters) {
        Query query = Query.all();
        if (StringUtils.hasText(status)) {
            query = query.where("status", status);
        }
        query = queryInput.apply(query, tickets.resource(), parameters);
        if (!parameters.containsKey("sort")) {
            query = query.sort("-insertedAt");
        }
        return new PagedModel<>(tickets.page(query, ListParameters.page(tickets.resource(), page, size))
                .map(TicketResponse::from));
    }

    @GetMapping("/{id}")
    public TicketResponse get(@PathVariable String id) {
        return TicketResponse.from(tickets.get(id));
    }

    @PatchMapping("/{id}")
    public TicketResponse update(@PathVariable String id, @RequestBody Map<String, Object> changes) {
        return TicketResponse.from(tickets.update(id, changes));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        tickets.destroy(id);
        return ResponseEntity.noContent().build();
    }
}
