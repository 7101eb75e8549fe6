package io.ashspring.benchmarks;

import java.time.Instant;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/** The rows of the bulk insert benchmark: a generated key, text, integers and a timestamp default. */
@Resource(table = "bulk_tickets")
public record BulkTicket(@PrimaryKey UUID id, @Attribute(allowNil = false) String subject, String status,
                         Integer priority, Long views, @CreateTimestamp Instant insertedAt) {
}
