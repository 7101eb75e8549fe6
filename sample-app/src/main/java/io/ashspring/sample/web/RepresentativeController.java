package io.ashspring.sample.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Representative;

/** Representatives; deleting one leaves their tickets unassigned. */
@RestController
@RequestMapping("/representatives")
public class RepresentativeController {

    private final ResourceService<Representative> representatives;

    public RepresentativeController(ResourceService<Representative> representatives) {
        this.representatives = representatives;
    }

    @PostMapping
    public ResponseEntity<RepresentativeResponse> create(@RequestBody Map<String, Object> input) {
        Representative representative = representatives.create(input);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(representative.id()).toUri();
        return ResponseEntity.created(location).body(RepresentativeResponse.from(representative));
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

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        representatives.destroy(id);
        return ResponseEntity.noContent().build();
    }
}
