package io.ashspring.sample;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.CustomIndex;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;

/**
 * A comment on a ticket; PostgreSQL deletes it with its ticket ({@code ON DELETE CASCADE}), and its
 * reactions (in {@code comment_reactions}) with it. The GIN index on
 * {@code to_tsvector('english', body)} serves the full-text search
 * ({@code GET /tickets?text=refund}, {@code GET /comments?q=refund}).
 */
@Resource(table = "comments")
@CustomIndex(fields = "to_tsvector('english', body)", name = "comments_body_search_index", using = "gin")
public record Comment(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false) String body,
        @BelongsTo(allowNil = false) @Reference(onDelete = OnDelete.DELETE) Ref<Ticket, UUID> ticket,
        @HasMany(table = "comment_reactions", destinationAttribute = "subjectId") List<Reaction> reactions,
        @CreateTimestamp Instant insertedAt) {
}
