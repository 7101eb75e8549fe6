package it.ash.shop;

import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

@Resource(table = "products")
public record Product(@PrimaryKey UUID id, @Attribute(allowNil = false) String name) {
}
