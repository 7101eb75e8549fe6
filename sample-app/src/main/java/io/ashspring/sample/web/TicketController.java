package io.ashspring.sample.web;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
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

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ashspring.expr.Expr;
import io.ashspring.expr.SortKey;
import io.ashspring.query.Query;
import io.ashspring.query.QueryInput;
import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Ticket;
import io.ashspring.sample.TicketRepository;

import static io.ashspring.expr.Expressions.exists;
import static io.ashspring.expr.Expressions.fullText;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.trigramSimilarity;

/**
 * Tickets over HTTP. Request bodies are plain maps handed to the service, which converts and
 * validates them: unknown fields, wrong types, missing required values and database constraint
 * violations all come back as 422 problems with field errors. An id that is not a UUID cannot
 * exist, so it is a 404 like any other unknown id.
 */
@RestController
@RequestMapping("/tickets")
public class TicketController {

    /** The least trigram similarity of a representative search: pg_trgm's own default threshold. */
    static final double SIMILARITY = 0.3;

    private final ResourceService<Ticket> tickets;
    private final TicketRepository repository;
    private final QueryInput queryInput;
    private final ScrollTokens scrollTokens;

    public TicketController(ResourceService<Ticket> tickets, TicketRepository repository, QueryInput queryInput,
                            ScrollTokens scrollTokens) {
        this.tickets = tickets;
        this.repository = repository;
        this.queryInput = queryInput;
        this.scrollTokens = scrollTokens;
    }

    @PostMapping
    public ResponseEntity<TicketResponse> create(@RequestBody Map<String, Object> input) {
        Ticket ticket = tickets.create(input);
        return Created.at(ticket.id(), TicketResponse.from(ticket));
    }

    /**
     * {@code GET /tickets?status=open&filter[priority][gte]=3&filter[commentCount][gt]=0&sort=-priority,subject
     * &load=representative,comments,commentCount&page=0&size=20}, with the searches of
     * {@link #search}: {@code filter[...]}, {@code sort} and {@code load} go through {@link QueryInput},
     * which reaches only public attributes, aggregates and calculations.
     */
    @GetMapping
    public PagedModel<TicketResponse> list(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestParam MultiValueMap<String, String> parameters) {
        return new PagedModel<>(tickets.page(search(parameters), ListParameters.page(tickets.resource(), page, size))
                .map(TicketResponse::from));
    }

    /**
     * {@code GET /tickets?scroll=&size=20} (then the {@code next} link): keyset windows of the same
     * search, stable when tickets are added or deleted between requests and as fast at any depth.
     * {@code next} is absent after the last window.
     */
    @GetMapping(params = "scroll")
    public TicketWindow scroll(@RequestParam String scroll,
                               @RequestParam(defaultValue = "20") int size,
                               @RequestParam MultiValueMap<String, String> parameters) {
        ScrollPosition position = scrollTokens.decode(tickets.resource(), scroll);
        Query query = search(parameters).limit(ListParameters.size(tickets.resource(), size));
        Window<Ticket> window = tickets.scroll(query, position);
        String next = window.hasNext()
                ? ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("scroll", scrollTokens.encode(window.positionAt(window.size() - 1)))
                        .build().toUriString()
                : null;
        return new TicketWindow(window.map(TicketResponse::from).getContent(), next);
    }

    /** A keyset window of tickets and the link to the next one, if any. */
    public record TicketWindow(List<TicketResponse> content, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    }

    /**
     * The query of a ticket listing. Besides {@code filter[...]}, {@code sort} and {@code load}:
     * <ul>
     *   <li>{@code status=open}: that status;</li>
     *   <li>{@code q=printer}: the subject contains it, ignoring case ({@code ILIKE '%printer%'}, bound;
     *       {@code %} and {@code _} in it are wildcards too);</li>
     *   <li>{@code representative=fred}: the representative's name is similar to it (pg_trgm
     *       {@code similarity} above {@value #SIMILARITY}, served by the trigram index), most similar
     *       first;</li>
     *   <li>{@code text=refund}: some comment matches the full-text query ({@code websearch_to_tsquery}
     *       syntax: words, {@code "a phrase"}, {@code -excluded}, {@code or}).</li>
     * </ul>
     * Without a {@code sort}, the newest tickets come first (after the most similar, when searching
     * by representative).
     */
    private Query search(MultiValueMap<String, String> parameters) {
        Query query = Query.all();
        String status = parameters.getFirst("status");
        if (StringUtils.hasText(status)) {
            query = query.where("status", status);
        }
        String subject = parameters.getFirst("q");
        if (StringUtils.hasText(subject)) {
            query = query.filter(ilike("subject", "%" + subject + "%"));
        }
        String representative = parameters.getFirst("representative");
        if (StringUtils.hasText(representative)) {
            Expr similarity = trigramSimilarity("representative.name", representative);
            query = query.filter(gt(similarity, SIMILARITY)).sort(SortKey.desc(similarity));
        }
        String text = parameters.getFirst("text");
        if (StringUtils.hasText(text)) {
            query = query.filter(exists("comments", fullText("body", text)));
        }
        query = queryInput.apply(query, tickets.resource(), parameters);
        return parameters.containsKey("sort") ? query : query.sort("-insertedAt");
    }

    @GetMapping("/{id}")
    public TicketResponse get(@PathVariable String id) {
        return TicketResponse.from(tickets.get(id));
    }

    /** {@code GET /tickets/urgent?min=4}: the open tickets of at least that priority, highest first (a read action). */
    @GetMapping("/urgent")
    public List<TicketResponse> urgent(@RequestParam(defaultValue = "4") int min) {
        return repository.urgent(min).stream().map(TicketResponse::from).toList();
    }

    /**
     * {@code POST /tickets/{id}/close {"reason": "toner replaced"}}: the close action. No reason, or
     * a ticket closed already, is a 422 naming the field.
     */
    @PostMapping("/{id}/close")
    public TicketResponse close(@PathVariable String id, @RequestBody Map<String, String> body) {
        return TicketResponse.from(repository.close(PathIds.uuid("Ticket", id), body.get("reason")));
    }

    /** {@code POST /tickets/{id}/escalate}: one priority up, computed by PostgreSQL; past 5 the check constraint answers 422. */
    @PostMapping("/{id}/escalate")
    public TicketResponse escalate(@PathVariable String id) {
        return TicketResponse.from(repository.escalate(PathIds.uuid("Ticket", id)));
    }

    /**
     * {@code PATCH /tickets/{id}}: changes the given attributes. With {@code "version"}, the version
     * the client read, a ticket changed since then is not overwritten: 409.
     */
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
