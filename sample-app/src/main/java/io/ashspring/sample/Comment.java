package io.ashspring.sample;

import java.time.Instant;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;

/** A comment on a ticket; PostgreSQL deletes it with its ticket ({@code ON DELETE CASCADE}). */
@Resource(table = "comments")
public record Comment(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false) String body,
        @BelongsTo(allowNil = false) @Reference(onDelete = OnDelete.DELETE) Ref<Ticket, UUID> ticket,
        @CreateTimestamp Instant insertedAt) {
}
