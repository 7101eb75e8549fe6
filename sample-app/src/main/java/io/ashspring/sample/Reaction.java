package io.ashspring.sample;

import java.time.Instant;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/**
 * An emoji reaction to a knowledge-base {@link Post} or to a {@link Comment}. Polymorphic: it has
 * no table of its own; each relationship to it names one ({@code post_reactions},
 * {@code comment_reactions}), created with a foreign key from {@code subject_id} to its owner
 * ({@code ON DELETE CASCADE}) and an index on it.
 */
@Resource(polymorphic = true)
public record Reaction(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false) UUID subjectId,
        @Attribute(allowNil = false, maxLength = 32) String emoji,
        @CreateTimestamp Instant insertedAt) {
}
