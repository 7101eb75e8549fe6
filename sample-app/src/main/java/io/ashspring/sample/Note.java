package io.ashspring.sample;

import java.time.Instant;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.CreateTimestamp;
import io.ashspring.resource.Multitenancy;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/**
 * An internal note of one organization, in a table every organization shares: {@code organizationId}
 * holds the tenant. Every call reads, counts and writes the notes of the request's tenant only (the
 * {@code X-Tenant} header, see {@code ash.tenancy} in application.yml); a create sets
 * {@code organizationId} from it. See docs/multitenancy.md.
 */
@Resource(table = "notes")
@Multitenancy(strategy = Multitenancy.Strategy.ATTRIBUTE, attribute = "organizationId")
public record Note(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false, maxLength = 63) String organizationId,
        @Attribute(allowNil = false, maxLength = 2000) String body,
        @CreateTimestamp Instant insertedAt) {
}
