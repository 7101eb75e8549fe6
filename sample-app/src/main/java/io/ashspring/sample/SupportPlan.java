package io.ashspring.sample;

import java.math.BigDecimal;
import java.util.UUID;

import io.ashspring.resource.Attribute;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;

/**
 * A paid support plan a ticket can be filed under. PostgreSQL enforces the price with a check
 * constraint, {@code price > 0}; a violation comes back as a 422 on {@code price} with the
 * constraint's message.
 */
@Resource(table = "support_plans")
@Identity(name = "unique_name", keys = "name")
@CheckConstraint(name = "price_positive", check = "price > 0", fields = "price", message = "must be greater than 0")
public record SupportPlan(
        @PrimaryKey UUID id,
        @Attribute(allowNil = false, maxLength = 100) String name,
        @Attribute(allowNil = false, precision = 10, scale = 2) BigDecimal price) {
}
