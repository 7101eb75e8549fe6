package io.ashspring.sample.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.error.NotFoundException;
import io.ashspring.query.Query;
import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Post;
import io.ashspring.sample.Reaction;

/** Knowledge-base posts and the reactions to them ({@code post_reactions}). */
@RestController
@RequestMapping("/posts")
public class PostController {

    private final ResourceService<Post> posts;
    private final ResourceService<Reaction> reactions;

    /**
     * @param reactions the service of the polymorphic {@link Reaction}, bound here to the table
     *        {@code Post.reactions} names
     */
    public PostController(ResourceService<Post> posts, ResourceService<Reaction> reactions) {
        this.posts = posts;
        this.reactions = reactions.inTable("post_reactions");
    }

    @PostMapping
    public ResponseEntity<PostResponse> create(@RequestBody Map<String, Object> input) {
        Post post = posts.create(input);
        return Created.at(post.id(), PostResponse.from(post));
    }

    /** The newest posts first, each with its reaction count (up to {@value ListParameters#MAX_PAGE_SIZE}). */
    @GetMapping
    public List<PostResponse> list() {
        return posts.read(q -> q.load("reactionCount").sort("-insertedAt", "id").limit(ListParameters.MAX_PAGE_SIZE))
                .stream().map(PostResponse::from).toList();
    }

    /** A post with its reactions, oldest first, and their count. */
    @GetMapping("/{id}")
    public PostResponse get(@PathVariable String id) {
        return PostResponse.from(posts.get(id, Query.all()
                .load("reactions", q -> q.sort("insertedAt", "id")).load("reactionCount")));
    }

    /**
     * {@code POST /posts/{id}/reactions {"emoji": "👍"}}: 201 with the reaction, stored in
     * {@code post_reactions}; 422 for invalid input (or a post deleted meanwhile: "does not exist" on
     * {@code subjectId}); 404 for an unknown post. The post in the path wins over any in the body.
     */
    @PostMapping("/{id}/reactions")
    public ResponseEntity<Reaction> react(@PathVariable String id, @RequestBody Map<String, Object> input) {
        Post post = posts.get(id);
        Map<String, Object> reaction = new LinkedHashMap<>(input);
        reaction.put("subjectId", post.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(reactions.create(reaction));
    }

    /** {@code DELETE /posts/{id}/reactions/{reactionId}}: 204, or 404 for a reaction not on that post. */
    @DeleteMapping("/{id}/reactions/{reactionId}")
    public ResponseEntity<Void> unreact(@PathVariable String id, @PathVariable String reactionId) {
        Post post = posts.get(id);
        Reaction reaction = reactions.find(reactionId, Query.all().where("subjectId", post.id()))
                .orElseThrow(() -> new NotFoundException(reactions.resource().name(), reactionId));
        reactions.destroyRecord(reaction);
        return ResponseEntity.noContent().build();
    }
}
