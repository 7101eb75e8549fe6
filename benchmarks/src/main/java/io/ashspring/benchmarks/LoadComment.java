package io.ashspring.benchmarks;

import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Resource;

/** A comment of a {@link LoadTicket}. */
@Resource(table = "load_comments")
public record LoadComment(@PrimaryKey UUID id, @Attribute(allowNil = false) String body,
                          @BelongsTo(allowNil = false) Ref<LoadTicket, UUID> ticket) {
}
