package io.ashspring.sample.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.SupportPlan;

/**
 * Paid support plans. The price is checked by PostgreSQL ({@code CHECK (price > 0)}): a price of
 * zero or less is a 422 on {@code price}, "must be greater than 0". A plan tickets are filed under
 * cannot be deleted (422, "would leave records behind").
 */
@RestController
@RequestMapping("/plans")
public class SupportPlanController {

    private final ResourceService<SupportPlan> plans;

    public SupportPlanController(ResourceService<SupportPlan> plans) {
        this.plans = plans;
    }

    @PostMapping
    public ResponseEntity<SupportPlan> create(@RequestBody Map<String, Object> input) {
        SupportPlan plan = plans.create(input);
        return Created.at(plan.id(), plan);
    }

    /** The plans, cheapest first. */
    @GetMapping
    public List<SupportPlan> list() {
        return plans.read(q -> q.sort("price", "name").limit(ListParameters.MAX_PAGE_SIZE));
    }

    @GetMapping("/{id}")
    public SupportPlan get(@PathVariable String id) {
        return plans.get(id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        plans.destroy(id);
        return ResponseEntity.noContent().build();
    }
}
