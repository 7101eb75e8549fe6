package io.ashspring.sample;

import java.util.List;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CustomIndex;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.Extensions;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.Identity;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Redacted;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceSpec;

/**
 * A support representative.
 *
 * <ul>
 *   <li>E-mail addresses are unique among <em>active</em> representatives, regardless of case
 *       ({@code citext} and a partial unique index): someone who left frees their address.</li>
 *   <li>A GIN trigram index ({@code pg_trgm}) on the name serves fuzzy search
 *       ({@code GET /tickets?representative=fred}) and {@code ILIKE '%…%'}.</li>
 *   <li>The {@code backup} covers for the representative; its foreign key is
 *       {@code DEFERRABLE INITIALLY DEFERRED}, checked at commit, so an import may insert
 *       representatives that back each other up in any order within one transaction.</li>
 *   <li>The API token is generated on create, cannot be written by input, is kept out of logs and
 *       errors, and cannot be sorted or filtered on by HTTP clients.</li>
 * </ul>
 */
@Resource(table = "representatives")
@Identity(name = "unique_email", keys = "email", where = "status = 'active'")
@CustomIndex(fields = "name gin_trgm_ops", name = "representatives_name_trgm_index", using = "gin")
@Extensions("pg_trgm")
public record Representative(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false) String name,
        @Attribute(citext = true) String email,
        @Attribute(allowNil = false, defaultValue = "active") RepresentativeStatus status,
        @BelongsTo @Reference(onDelete = OnDelete.NILIFY, deferrable = Deferrable.INITIALLY_DEFERRED)
        Ref<Representative, UUID> backup,
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
