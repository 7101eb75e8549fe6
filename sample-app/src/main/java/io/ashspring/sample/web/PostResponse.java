package io.ashspring.sample.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ashspring.sample.Post;
import io.ashspring.sample.Reaction;

/** The JSON of a knowledge-base post; its reactions and their count when they were loaded. */
public record PostResponse(UUID id, String title, String body, Instant insertedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Reaction> reactions,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long reactionCount) {

    static PostResponse from(Post post) {
        return new PostResponse(post.id(), post.title(), post.body(), post.insertedAt(), post.reactions(),
                post.reactionCount());
    }
}
