package io.ashspring.sample.web;

import java.util.UUID;

import io.ashspring.sample.Representative;

/** The JSON of a representative; the API token is never shown. */
public record RepresentativeResponse(UUID id, String name, String email) {

    static RepresentativeResponse from(Representative representative) {
        return new RepresentativeResponse(representative.id(), representative.name(), representative.email());
    }
}
