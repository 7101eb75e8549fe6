package io.ashspring.sample.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.OpenTicketCount;
import io.ashspring.sample.Representative;
import io.ashspring.sample.TicketRepository;

/** Representatives; deleting one leaves their tickets unassigned (and those they backed up without a backup). */
@RestController
@RequestMapping("/representatives")
public class RepresentativeController {

    private final ResourceService<Representative> representatives;
    private final ResourceService<OpenTicketCount> openTicketCounts;
    private final TicketRepository tickets;

    public RepresentativeController(ResourceService<Representative> representatives,
                                    ResourceService<OpenTicketCount> openTicketCounts, TicketRepository tickets) {
        this.representatives = representatives;
        this.openTicketCounts = openTicketCounts;
        this.tickets = tickets;
    }

    @PostMapping
    public ResponseEntity<RepresentativeResponse> create(@RequestBody Map<String, Object> input) {
        Representative representative = representatives.create(input);
        return Created.at(representative.id(), RepresentativeResponse.from(representative));
    }

    /** {@code GET /representatives?sort=name}; the first {@value ListParameters#MAX_PAGE_SIZE}. */
    @GetMapping
    public List<RepresentativeResponse> list(@RequestParam(defaultValue = "name") List<String> sort) {
        return representatives.read(q -> q.sort(ListParameters.sort(representatives.resource(), sort))
                .limit(ListParameters.MAX_PAGE_SIZE)).stream().map(RepresentativeResponse::from).toList();
    }

    @GetMapping("/{id}")
    public RepresentativeResponse get(@PathVariable String id) {
        return RepresentativeResponse.from(representatives.get(id));
    }

    /** {@code GET /representatives/{id}/tickets}: their tickets, newest first (a derived repository method). */
    @GetMapping("/{id}/tickets")
    public List<TicketResponse> tickets(@PathVariable String id) {
        return tickets.findByRepresentativeOrderByInsertedAtDesc(PathIds.uuid("Representative", id)).stream()
                .map(TicketResponse::from).toList();
    }

    /** {@code PATCH /representatives/{id} {"status": "inactive"}}: 200, 422, or 404. */
    @PatchMapping("/{id}")
    public RepresentativeResponse update(@PathVariable String id, @RequestBody Map<String, Object> changes) {
        return RepresentativeResponse.from(representatives.update(id, changes));
    }

    /**
     * {@code GET /representatives/workload}: how many open tickets each representative has, most
     * first, read from the view {@code open_ticket_counts} (a custom statement of {@code Ticket}).
     */
    @GetMapping("/workload")
    public List<OpenTicketCount> workload() {
        return openTicketCounts.read(q -> q.sort("-openTickets").limit(ListParameters.MAX_PAGE_SIZE));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        representatives.destroy(id);
        return ResponseEntity.noContent().build();
    }
}
