package io.ashspring.sample;

import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Redacted;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceSpec;

/**
 * A support representative. E-mail addresses are unique regardless of case ({@code citext}).
 * The API token is generated on create, cannot be written by input, is kept out of logs and
 * errors, and cannot be sorted or filtered on by HTTP clients.
 */
@Resource(table = "representatives")
@Identity(name = "unique_email", keys = "email")
public record Representative(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false) String name,
        @Attribute(citext = true) String email,
        @Attribute(writable = false, isPublic = false, sensitive = true) String apiToken,
        @HasMany List<Ticket> tickets) {

    static void configure(ResourceSpec<Representative> spec) {
        spec.attribute("apiToken").defaultValue(() -> UUID.randomUUID().toString());
    }

    /** The record's {@code toString}, with the API token as {@code **redacted**}. */
    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
