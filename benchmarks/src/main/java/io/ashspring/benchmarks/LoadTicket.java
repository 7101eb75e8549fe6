package io.ashspring.benchmarks;

import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.Count;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/** The ticket of {@link LoadBenchmark}: its comments and a comment count are loaded. */
@Resource(table = "load_tickets")
public record LoadTicket(@PrimaryKey UUID id, @Attribute(allowNil = false) String subject, String status,
                         @HasMany(destinationAttribute = "ticketId") List<LoadComment> comments,
                         @Count("comments") Long commentCount) {
}
