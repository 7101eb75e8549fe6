package io.ashspring.sample;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The requests the API tests repeat, over a {@link RestTestClient}. */
final class HelpdeskClient {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final RestTestClient http;

    HelpdeskClient(RestTestClient http) {
        this.http = http;
    }

    /** {@code POST uri} with a JSON body. */
    RestTestClient.ResponseSpec post(String uri, Map<String, ?> body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** {@code PATCH uri} with a JSON body. */
    RestTestClient.ResponseSpec patch(String uri, Map<String, ?> body) {
        return http.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** Posts, expects 201 and returns the JSON answer. */
    Map<String, Object> created(String uri, Map<String, ?> body) {
        return post(uri, body).expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    /** Posts, expects 201 and returns the new record's id. */
    String create(String uri, Map<String, ?> body) {
        return (String) created(uri, body).get("id");
    }

    /** {@code GET uri}, expecting 200, as JSON. */
    Map<String, Object> get(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }
}
