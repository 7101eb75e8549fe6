package io.ashspring.autoconfigure.embedded.notes;

import java.util.UUID;

import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/** A resource for the read replica tests. */
@Resource(table = "notes")
public record Note(@PrimaryKey UUID id, String body) {
}
