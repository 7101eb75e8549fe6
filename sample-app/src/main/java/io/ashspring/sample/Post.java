package io.ashspring.sample;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.Count;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/** A knowledge-base article; readers react to it (its {@link Reaction}s live in {@code post_reactions}). */
@Resource(table = "posts")
public record Post(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false, maxLength = 200) String title,
        @Attribute(allowNil = false) String body,
        @HasMany(table = "post_reactions", destinationAttribute = "subjectId") List<Reaction> reactions,
        @Count("reactions") Long reactionCount,
        @CreateTimestamp Instant insertedAt) {
}
