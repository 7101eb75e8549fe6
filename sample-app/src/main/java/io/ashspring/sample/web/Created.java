package io.ashspring.sample.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The answer to a create: 201, {@code Location: <request URI>/{id}}, and the stored record. */
final class Created {

    private Created() {
    }

    static <T> ResponseEntity<T> at(Object id, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(body);
    }
}
