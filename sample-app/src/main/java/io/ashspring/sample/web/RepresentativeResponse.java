package io.ashspring.sample.web;

import java.util.UUID;

import io.ashspring.sample.Representative;
import io.ashspring.sample.RepresentativeStatus;

/** The JSON of a representative, with the backup as {@code backupId}; the API token is never shown. */
public record RepresentativeResponse(UUID id, String name, String email, RepresentativeStatus status, UUID backupId) {

    static RepresentativeResponse from(Representative representative) {
        return new RepresentativeResponse(representative.id(), representative.name(), representative.email(),
                representative.status(), TicketResponse.idOf(representative.backup()));
    }
}
