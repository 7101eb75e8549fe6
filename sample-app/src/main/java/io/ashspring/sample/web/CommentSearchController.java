package io.ashspring.sample.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.expr.SortKey;
import io.ashspring.runtime.ResourceService;
import io.ashspring.sample.Comment;

import static io.ashspring.expr.Expressions.fullText;
import static io.ashspring.expr.Expressions.fullTextRank;

/** Full-text search over all comments, served by the GIN index on {@code to_tsvector('english', body)}. */
@RestController
@RequestMapping("/comments")
public class CommentSearchController {

    private final ResourceService<Comment> comments;

    public CommentSearchController(ResourceService<Comment> comments) {
        this.comments = comments;
    }

    /**
     * {@code GET /comments?q=refund -partial&size=20}: the comments matching the query
     * ({@code websearch_to_tsquery}: words, {@code "a phrase"}, {@code -excluded}, {@code or}), most
     * relevant first ({@code ts_rank}), then newest.
     */
    @GetMapping
    public List<CommentResponse> search(@RequestParam String q, @RequestParam(defaultValue = "20") int size) {
        int limit = ListParameters.size(comments.resource(), size);
        return comments.read(query -> query.filter(fullText("body", q))
                        .sort(SortKey.desc(fullTextRank("body", q))).sort("-insertedAt", "id").limit(limit))
                .stream().map(CommentResponse::from).toList();
    }
}
