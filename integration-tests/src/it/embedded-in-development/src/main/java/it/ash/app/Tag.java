package it.ash.app;

import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/** A tag is unique per label and scope, a missing scope included: a unique index NULLS NOT DISTINCT (PostgreSQL 15+). */
@Resource(table = "tags")
@Identity(name = "unique_label", keys = {"label", "scope"}, nullsDistinct = false)
public record Tag(@PrimaryKey UUID id, @Attribute(allowNil = false) String label, String scope) {
}
