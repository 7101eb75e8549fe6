package io.ashspring.sample.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.stereotype.Component;

import io.ashspring.error.InvalidQueryException;
import io.ashspring.resource.model.ResourceModel;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keyset positions as opaque tokens for {@code ?scroll=...}: the position's key values (the sort
 * keys of the last record seen, the primary key last) as JSON, in URL-safe base64. The library
 * holds position values in forms JSON carries exactly (a numeric as its decimal text, timestamps
 * as ISO text), so plain JSON round-trips them and the next window starts exactly after the last
 * record. A token is client input like any other: it must decode to a flat map of plain values,
 * each of which the query binds and converts to its key's type; a token that does not fit the sort
 * is a 400.
 */
@Component
final class ScrollTokens {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    ScrollTokens(JsonMapper json) {
        this.json = json;
    }

    /** The token of a forward keyset position ({@code window.positionAt(window.size() - 1)}). */
    String encode(ScrollPosition position) {
        if (!(position instanceof KeysetScrollPosition keyset)) {
            throw new IllegalArgumentException("only keyset positions have tokens, not " + position);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(keyset.getKeys()));
    }

    /** The position of a token; an empty token is the start. */
    ScrollPosition decode(ResourceModel resource, String token) {
        if (token.isEmpty()) {
            return ScrollPosition.keyset();
        }
        Map<String, Object> keys;
        try {
            keys = json.readValue(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8), MAP);
        } catch (IllegalArgumentException | JacksonException e) {
            keys = null;
        }
        if (keys == null || keys.isEmpty()
                || !keys.values().stream().allMatch(v -> v == null || v instanceof String || v instanceof Number
                        || v instanceof Boolean)) {
            throw new InvalidQueryException(resource.name(), "scroll",
                    "is not a position this API gave out: follow the 'next' link of the previous window, or leave it "
                            + "empty for the first window");
        }
        return ScrollPosition.forward(keys);
    }
}
