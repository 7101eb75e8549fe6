package io.ashspring.sample.web;

import java.util.UUID;

import io.ashspring.error.NotFoundException;

/** Ids in request paths, for the calls that take a typed key: an id that is not a UUID names no record, a 404. */
final class PathIds {

    private PathIds() {
    }

    static UUID uuid(String resource, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(resource, id);
        }
    }
}
