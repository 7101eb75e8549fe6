package io.ashspring.benchmarks;

import java.time.Instant;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/** The ticket the benchmarks read: a few columns of common types. */
@Resource(table = "bench_tickets")
public record BenchTicket(@PrimaryKey UUID id, @Attribute(allowNil = false) String subject, String status,
                          Integer priority, @CreateTimestamp Instant insertedAt) {
}
