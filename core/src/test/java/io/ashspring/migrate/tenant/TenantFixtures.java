package io.ashspring.migrate.tenant;

import java.util.UUID;

import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.CheckConstraint;
import io.ashspring.resource.CustomStatement;
import io.ashspring.resource.Identity;
import io.ashspring.resource.Multitenancy;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;

/** Resources of every tenancy: global, one schema per tenant (two tables, a reference between them), by attribute. */
public final class TenantFixtures {

    private TenantFixtures() {
    }

    @Resource(table = "organizations")
    public record Organization(@PrimaryKey UUID id, String slug) {
    }

    @Resource(table = "projects")
    @Multitenancy(strategy = Multitenancy.Strategy.CONTEXT)
    @Identity(name = "unique_code", keys = "code")
    @CheckConstraint(name = "projects_code_not_blank", check = "code <> ''", fields = "code")
    @CustomStatement(name = "open_projects", up = "CREATE VIEW \"${tenantSchema}\".open_projects AS SELECT id, code FROM "
            + "\"${tenantSchema}\".projects", down = "DROP VIEW \"${tenantSchema}\".open_projects")
    public record Project(@PrimaryKey UUID id, String code) {
    }

    @Resource(table = "tasks")
    @Multitenancy(strategy = Multitenancy.Strategy.CONTEXT)
    public record Task(@PrimaryKey UUID id, String title, @BelongsTo @Reference Ref<Project, UUID> project) {
    }

    @Resource(table = "invoices")
    @Multitenancy(strategy = Multitenancy.Strategy.ATTRIBUTE, attribute = "organizationId")
    @Identity(name = "unique_number", keys = "number")
    public record Invoice(@PrimaryKey UUID id, String organizationId, String number) {
    }

    public static final ResourceRegistry REGISTRY = ResourceRegistry.of(Organization.class, Project.class, Task.class, Invoice.class);
}
